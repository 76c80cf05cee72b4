package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.subscription.control.RenderedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a rendered request into the signed request that goes on the wire. Pure: the same inputs
 * give the same bytes, which is what the tests check and what receivers verify.
 */
public class RequestBuilder {

  private final Signer signer = new Signer();

  /**
   * @param messageId the Standard Webhooks {@code webhook-id}: stable across retries of a delivery
   */
  public OutboundRequest build(RenderedRequest rendered, String messageId, Instant now, SecretRing secrets) {
    byte[] body =
        rendered.body() == null ? new byte[0] : rendered.body().getBytes(StandardCharsets.UTF_8);
    List<OutboundRequest.Header> headers = new ArrayList<>();
    if (rendered.contentType() != null && rendered.body() != null) {
      headers.add(new OutboundRequest.Header("Content-Type", rendered.contentType()));
    }
    for (RenderedRequest.Header h : rendered.headers()) {
      headers.add(new OutboundRequest.Header(h.name(), h.value()));
    }
    if (secrets != null) {
      signer.sign(messageId, now, body, secrets).asMap()
          .forEach((name, value) -> headers.add(new OutboundRequest.Header(name, value)));
    }
    return new OutboundRequest(
        rendered.method().name(), URI.create(rendered.url()), headers, rendered.body() == null ? null : body);
  }

  /** The {@code webhook-id} of a delivery. */
  public static String messageId(long deliveryId) {
    return "msg_" + deliveryId;
  }
}
