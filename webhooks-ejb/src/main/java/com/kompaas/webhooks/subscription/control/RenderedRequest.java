package com.kompaas.webhooks.subscription.control;

import com.kompaas.webhooks.subscription.entity.HttpMethod;
import java.util.List;
import java.util.Objects;

/**
 * Exactly what goes over the wire for one event and one webhook.
 *
 * @param method GET or POST
 * @param url the full URL, query string included, ready to send
 * @param headers the user's headers in their order, values rendered, without Content-Type
 * @param body the body, {@code null} for GET
 * @param contentType the Content-Type to send: the user's own Content-Type header if there is one,
 *     otherwise the data type's; {@code null} for a GET without one
 */
public record RenderedRequest(
    HttpMethod method, String url, List<Header> headers, String body, String contentType) {

  /** One rendered header line. */
  public record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name);
      Objects.requireNonNull(value);
    }
  }

  public RenderedRequest {
    Objects.requireNonNull(method);
    Objects.requireNonNull(url);
    headers = List.copyOf(headers);
  }

  /** The request as an HTTP message would show it, for previews and logs. */
  public String asText() {
    StringBuilder text = new StringBuilder();
    text.append(method).append(' ').append(url).append('\n');
    if (contentType != null) {
      text.append("Content-Type: ").append(contentType).append('\n');
    }
    for (Header h : headers) {
      text.append(h.name()).append(": ").append(h.value()).append('\n');
    }
    if (body != null) {
      text.append('\n').append(body);
    }
    return text.toString();
  }
}
