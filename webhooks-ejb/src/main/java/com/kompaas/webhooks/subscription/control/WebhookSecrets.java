package com.kompaas.webhooks.subscription.control;

import com.kompaas.webhooks.outbound.control.SecretRing;
import com.kompaas.webhooks.outbound.control.SigningSecret;
import com.kompaas.webhooks.subscription.entity.RetiredSecret;
import com.kompaas.webhooks.subscription.entity.Webhook;
import java.time.Instant;
import java.util.Optional;

/**
 * A webhook's stored secrets as a {@link SecretRing} and back. The sender signs with {@link #ring},
 * and a rotation is {@link SecretRing#rotate} stored by {@link #rotate}: one rule, the one the
 * tests exercise, for every old secret's overlap.
 */
public final class WebhookSecrets {

  private WebhookSecrets() {}

  /** The webhook's ring, or empty for a webhook that does not sign. */
  public static Optional<SecretRing> ring(Webhook webhook) {
    if (webhook.getSecret() == null) {
      return Optional.empty();
    }
    return Optional.of(
        SecretRing.of(
            SigningSecret.parse(webhook.getSecret()),
            webhook.getRetiredSecrets().stream()
                .map(r -> new SecretRing.Entry(SigningSecret.parse(r.secret()), r.expiresAt()))
                .toList()));
  }

  /**
   * Makes {@code next} the webhook's signing secret; the replaced ones sign on for their overlap.
   */
  public static SecretRing rotate(Webhook webhook, SigningSecret next, Instant now) {
    SecretRing rotated =
        ring(webhook).map(r -> r.rotate(next, now)).orElseGet(() -> SecretRing.of(next));
    webhook.replaceSecrets(
        rotated.current().value(),
        rotated.previous(now).stream()
            .map(e -> new RetiredSecret(e.secret().value(), e.expiresAt()))
            .toList(),
        now);
    return rotated;
  }
}
