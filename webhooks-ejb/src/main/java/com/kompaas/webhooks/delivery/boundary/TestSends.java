package com.kompaas.webhooks.delivery.boundary;

import com.kompaas.webhooks.delivery.control.HttpSender;
import com.kompaas.webhooks.delivery.control.OutboundRequest;
import com.kompaas.webhooks.delivery.control.RequestBuilder;
import com.kompaas.webhooks.delivery.control.SendResult;
import com.kompaas.webhooks.subscription.boundary.Webhooks;
import com.kompaas.webhooks.subscription.control.RenderedRequest;
import com.kompaas.webhooks.subscription.control.WebhookSecrets;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * "Send test" of the settings window: one real request made of the event type's example values,
 * signed like a delivery and sent through the same {@link HttpSender} (so the address guard
 * applies). Nothing is recorded in the delivery log, and there is no retry.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // no transaction around the HTTP call
public class TestSends {

  /** How much of the response body is shown. */
  public static final int SHOWN_BODY_CHARS = 2000;

  @Inject Webhooks webhooks;

  @Inject HttpSender http;

  @Inject Clock clock;

  private final RequestBuilder builder = new RequestBuilder();

  /**
   * @param status the HTTP status, 0 when no response came
   * @param error why no response came (timeout, refused, refused address), null otherwise
   */
  public record Result(int status, long durationMs, String body, boolean truncated, String error) {
    public boolean delivered() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * @param webhookId the saved webhook whose secret signs the test, or null for an unsaved one
   *     (then the request goes unsigned)
   * @throws com.kompaas.webhooks.subscription.control.InvalidWebhookException for settings that
   *     cannot be saved
   */
  public Result send(String accountId, Long webhookId, WebhookSettings settings) {
    RenderedRequest rendered = webhooks.preview(accountId, settings);
    Instant now = clock.instant();
    var secrets =
        webhookId == null
            ? null
            : webhooks.find(accountId, webhookId).flatMap(WebhookSecrets::ring).orElse(null);
    OutboundRequest request;
    try {
      request = builder.build(rendered, "msg_test_" + UUID.randomUUID(), now, secrets);
    } catch (IllegalArgumentException e) {
      return new Result(0, 0, null, false, e.getMessage());
    }
    SendResult result = http.send(request);
    if (!result.responded()) {
      return new Result(
          0,
          result.duration().toMillis(),
          null,
          false,
          result.error() + (result.errorDetail() == null ? "" : ": " + result.errorDetail()));
    }
    String body = new String(result.body(), StandardCharsets.UTF_8);
    boolean cut = result.truncated() || body.length() > SHOWN_BODY_CHARS;
    return new Result(
        result.status(),
        result.duration().toMillis(),
        body.length() > SHOWN_BODY_CHARS ? body.substring(0, SHOWN_BODY_CHARS) : body,
        cut,
        null);
  }
}
