package com.kompaas.webhooks.subscription.control;

import com.kompaas.webhooks.subscription.control.RenderedRequest.Header;
import com.kompaas.webhooks.subscription.entity.DataType;
import com.kompaas.webhooks.subscription.entity.HttpMethod;
import com.kompaas.webhooks.subscription.entity.KeyValue;
import com.kompaas.webhooks.subscription.entity.Webhook;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one event's values and one webhook's settings into the exact HTTP request. Pure: the same
 * input always gives the same request, so previews show what delivery will send.
 *
 * <ul>
 *   <li>Placeholders {@code {{name}}} work in the URL, query values, header values, user-parameter
 *       values and the Text body.
 *   <li>POST + JSON: the body is an object of the ticked parameters, then the user parameters.
 *       Event values keep their JSON type. A user parameter whose value is exactly one placeholder
 *       takes that value with its type; any other user parameter is a string.
 *   <li>POST + Text: the body template, placeholders filled in, nothing escaped.
 *   <li>GET: no body; the ticked and user parameters go into the query string after the query
 *       parameters.
 *   <li>A value missing from the event (or JSON {@code null}) renders as an empty string, and as
 *       {@code null} where a JSON body takes the value whole.
 * </ul>
 */
public class RequestRenderer {

  /**
   * Looked up once: the {@code Json} shortcuts look the provider up on every call, which is slow.
   */
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private static final JsonBuilderFactory JSON = PROVIDER.createBuilderFactory(Map.of());

  public RenderedRequest render(Webhook webhook, JsonObject values) {
    return render(webhook.settings(), values);
  }

  /**
   * @param values the event's parameters and the common ones, as {@link EventValues} builds them
   */
  public RenderedRequest render(WebhookSettings webhook, JsonObject values) {
    List<Pair> query = new ArrayList<>();
    for (KeyValue q : webhook.queryParameters()) {
      query.add(new Pair(q.key(), text(q.value(), values)));
    }
    String body = null;
    if (webhook.method() == HttpMethod.GET) {
      for (String name : webhook.parameters()) {
        query.add(new Pair(name, textOf(values.get(name))));
      }
      for (KeyValue p : webhook.userParameters()) {
        query.add(new Pair(p.key(), text(p.value(), values)));
      }
    } else if (webhook.dataType() == DataType.JSON) {
      body = jsonBody(webhook, values);
    } else {
      body = text(webhook.bodyTemplate(), values);
    }

    List<Header> headers = new ArrayList<>();
    String contentType =
        webhook.method() == HttpMethod.GET ? null : webhook.dataType().contentType();
    for (KeyValue h : webhook.headers()) {
      String value = headerSafe(text(h.value(), values));
      if (h.key().strip().toLowerCase(Locale.ROOT).equals("content-type")) {
        contentType = value;
      } else {
        headers.add(new Header(headerSafe(h.key()), value));
      }
    }
    return new RenderedRequest(
        webhook.method(), url(webhook.url(), query, values), headers, body, contentType);
  }

  private static String jsonBody(WebhookSettings webhook, JsonObject values) {
    JsonObjectBuilder body = JSON.createObjectBuilder();
    for (String name : webhook.parameters()) {
      body.add(name, valueOf(values, name));
    }
    for (KeyValue p : webhook.userParameters()) {
      body.add(
          p.key(),
          Placeholders.single(p.value())
              .map(name -> valueOf(values, name))
              .orElseGet(() -> PROVIDER.createValue(text(p.value(), values))));
    }
    return body.build().toString();
  }

  /** A rendered query pair; unlike a {@link KeyValue} it may outgrow the stored lengths. */
  private record Pair(String name, String value) {}

  private static String url(String template, List<Pair> query, JsonObject values) {
    String url = Placeholders.replace(template, name -> percentEncode(textOf(values.get(name))));
    int fragment = url.indexOf('#');
    if (fragment >= 0) {
      url =
          url.substring(0, fragment); // never sent by HTTP; a query appended after it would be lost
    }
    if (query.isEmpty()) {
      return url;
    }
    StringBuilder out = new StringBuilder(url);
    if (url.indexOf('?') < 0) {
      out.append('?');
    } else if (!url.endsWith("?") && !url.endsWith("&")) {
      out.append('&');
    }
    for (int i = 0; i < query.size(); i++) {
      if (i > 0) {
        out.append('&');
      }
      Pair pair = query.get(i);
      out.append(percentEncode(pair.name())).append('=').append(percentEncode(pair.value()));
    }
    return out.toString();
  }

  /**
   * Placeholders filled with the values' text, nothing escaped; the caller escapes for its context.
   */
  private static String text(String template, JsonObject values) {
    return Placeholders.replace(template, name -> textOf(values.get(name)));
  }

  private static JsonValue valueOf(JsonObject values, String name) {
    JsonValue value = values.get(name);
    return value == null ? JsonValue.NULL : value;
  }

  /**
   * How a value reads inside text: strings bare, numbers and booleans as literals, the rest as
   * JSON.
   */
  static String textOf(JsonValue value) {
    if (value == null) {
      return "";
    }
    return switch (value.getValueType()) {
      case NULL -> "";
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).toString();
      case TRUE -> "true";
      case FALSE -> "false";
      case OBJECT, ARRAY -> value.toString();
    };
  }

  /**
   * RFC 3986 percent-encoding of UTF-8 bytes, keeping only unreserved characters: a value can never
   * add a path segment, a query parameter or a fragment.
   */
  static String percentEncode(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  /**
   * Removes CR, LF and the other control characters but tab: a value can never start a new header.
   */
  static String headerSafe(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || (c >= 0x20 && c != 0x7F)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
