package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.outbound.control.SecretRing;
import com.kompaas.webhooks.subscription.control.WebhookSecrets;
import com.kompaas.webhooks.subscription.entity.Webhook;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import java.util.Objects;

/**
 * A webhook as the senders use it, at one version: immutable, so every sender thread can share it,
 * and made once per version, so the secrets are parsed once and not for every request.
 *
 * @param settings a copy of its own, detached from the entity's lists
 * @param secrets what signs its requests; null for a webhook that does not sign
 */
public record WebhookCopy(
    long id,
    long version,
    String accountId,
    WebhookSettings settings,
    SecretRing secrets,
    boolean deleted) {

  public WebhookCopy {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(settings, "settings");
  }

  public static WebhookCopy of(Webhook webhook) {
    return new WebhookCopy(
        webhook.getId(),
        webhook.getVersion(),
        webhook.getAccountId(),
        webhook.settings().toBuilder().build(),
        WebhookSecrets.ring(webhook).orElse(null),
        webhook.isDeleted());
  }

  /** Whether events are delivered to it now (switched on and not deleted). */
  public boolean enabled() {
    return settings.enabled() && !deleted;
  }
}
