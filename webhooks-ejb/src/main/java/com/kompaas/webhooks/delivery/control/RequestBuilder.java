package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.outbound.control.HeaderRules;
import com.kompaas.webhooks.outbound.control.SecretRing;
import com.kompaas.webhooks.subscription.control.RenderedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a rendered request into the signed request that goes on the wire. Pure: the same inputs
 * give the same bytes, which is what the tests check and what receivers verify. The webhook's own
 * headers pass {@link HeaderRules}, the rules the settings validator applied on save.
 */
public class RequestBuilder {

  private final Signer signer = new Signer();

  /**
   * @param messageId the Standard Webhooks {@code webhook-id}: stable across retries of a delivery
   */
  public OutboundRequest build(
      RenderedRequest rendered, String messageId, Instant now, SecretRing secrets) {
    byte[] body =
        rendered.body() == null ? new byte[0] : rendered.body().getBytes(StandardCharsets.UTF_8);
    URI url = URI.create(rendered.url());
    String method = rendered.method().name();
    List<OutboundRequest.Header> headers = new ArrayList<>();
    if (rendered.contentType() != null) {
      // also on a GET: the preview shows the user's Content-Type there, so it is sent
      headers.add(new OutboundRequest.Header("Content-Type", rendered.contentType()));
    }
    for (RenderedRequest.Header h : rendered.headers()) {
      // the rules the webhook passed when it was saved; a stored one from before them fails here
      HeaderRules.userHeaderProblem(h.name(), h.value())
          .ifPresent(
              refusal -> {
                throw new IllegalArgumentException(refusal.message());
              });
      headers.add(new OutboundRequest.Header(h.name(), h.value()));
    }
    if (secrets != null) {
      signer
          .sign(messageId, now, Signer.signedContent(method, url, body), secrets)
          .asMap()
          .forEach((name, value) -> headers.add(new OutboundRequest.Header(name, value)));
    }
    return new OutboundRequest(method, url, headers, rendered.body() == null ? null : body);
  }

  /** The {@code webhook-id} of a delivery. */
  public static String messageId(long deliveryId) {
    return "msg_" + deliveryId;
  }
}
