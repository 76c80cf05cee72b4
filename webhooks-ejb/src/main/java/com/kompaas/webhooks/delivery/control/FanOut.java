package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.delivery.entity.Delivery;
import com.kompaas.webhooks.intake.entity.Event;
import com.kompaas.webhooks.subscription.entity.Webhook;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import com.kompaas.webhooks.platform.control.TransactionJdbc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates one delivery for every enabled webhook of the event's account and type, in the caller's
 * transaction, so the event and its deliveries are committed together. The deliveries are claimed
 * at creation (status SENDING under token 1, leased): the caller hands the returned jobs to this
 * instance's senders after the commit, with no claim transaction in between. Webhooks that are
 * switched off get none: the event is kept, and can be replayed to them.
 */
@Dependent
public class FanOut {

  static final long FIRST_TOKEN = 1;

  @Inject TransactionJdbc jdbc;

  @Inject DeliveryConfiguration configuration;

  @Inject WebhookCopies webhooks;

  /** One event: one query for its webhooks, one insert for its deliveries. */
  public List<Job> deliveriesFor(Event event, Instant now) {
    return deliveriesFor(event, now, enabledFor(event.getAccountId(), event.getType()));
  }

  /** The enabled webhooks of an account and event type, read in the caller's transaction. */
  public EnabledWebhooks enabledFor(String accountId, String eventType) {
    return EnabledWebhooks.of(jdbc.work(connection -> DeliveryRows.enabledWebhooks(connection, accountId, eventType)));
  }

  /** @param enabled read by {@link #enabledFor} in the same transaction */
  public List<Job> deliveriesFor(Event event, Instant now, EnabledWebhooks enabled) {
    List<EnabledWebhooks.Version> targets = enabled.of(event.getAccountId(), event.getType());
    if (targets.isEmpty()) {
      return List.of();
    }
    List<Job> jobs = new ArrayList<>(targets.size());
    List<DeliveryRows.NewDelivery> rows = new ArrayList<>(targets.size());
    Instant leaseUntil = now.plus(configuration.lease());
    for (EnabledWebhooks.Version target : targets) {
      long webhookId = target.webhookId();
      Webhook webhook = webhooks.at(webhookId, target.version());
      if (webhook == null) {
        continue; // deleted since the query; nothing to deliver to
      }
      long deliveryId = jdbc.nextId(Delivery.class);
      rows.add(new DeliveryRows.NewDelivery(deliveryId, webhookId));
      jobs.add(new Job(deliveryId, FIRST_TOKEN, event.getAccountId(), 1, false, webhook, event, leaseUntil));
    }
    if (!rows.isEmpty()) {
      jdbc.work(connection -> {
        DeliveryRows.insertClaimed(connection, event, rows, FIRST_TOKEN, now, leaseUntil);
        return null;
      });
    }
    return jobs;
  }
}
