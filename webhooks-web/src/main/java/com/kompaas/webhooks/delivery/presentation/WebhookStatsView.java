package com.kompaas.webhooks.delivery.presentation;

import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.delivery.boundary.DeliveryStatistics;
import com.kompaas.webhooks.delivery.boundary.DeliveryStatistics.WebhookStats;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Map;

/**
 * The last day's delivery figures of the account's webhooks, for the webhooks list: read once per
 * request, the first time the page asks for one.
 */
@Named("webhookStats")
@RequestScoped
public class WebhookStatsView {

  static final Duration WINDOW = Duration.ofHours(24);

  @Inject DeliveryStatistics statistics;
  @Inject CurrentAccount caller;

  private Map<Long, WebhookStats> byWebhook;

  /** The webhook's figures, or {@code null} when it had no delivery in the window. */
  public WebhookStats of(long webhookId) {
    if (byWebhook == null) {
      byWebhook = statistics.byWebhook(caller.requireAccountId(), WINDOW);
    }
    return byWebhook.get(webhookId);
  }
}
