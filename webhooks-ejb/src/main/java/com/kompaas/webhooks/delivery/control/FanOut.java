package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.delivery.entity.Delivery;
import com.kompaas.webhooks.event.entity.Event;
import com.kompaas.webhooks.platform.control.TransactionJdbc;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates one delivery for every enabled webhook of the event's account and type, in the caller's
 * transaction, so the event and its deliveries are committed together. The deliveries are claimed
 * at creation (status SENDING under token 1, leased) and handed to this instance's senders once the
 * transaction commits ({@link NewDeliveries}), with no claim transaction in between. Webhooks that
 * are switched off get none: the event is kept, and can be replayed to them.
 */
@Dependent
public class FanOut {

  static final long FIRST_TOKEN = 1;

  @Inject TransactionJdbc jdbc;

  /** Observed after the commit by the dispatcher. */
  @Inject jakarta.enterprise.event.Event<NewDeliveries> created;

  @Inject DeliveryConfiguration configuration;

  @Inject WebhookCopies webhooks;

  /** One event: one query for its webhooks, one insert for its deliveries. */
  public List<Job> deliveriesFor(Event event, Instant now) {
    return deliveriesFor(List.of(event), now).get(0);
  }

  /**
   * Several events in one transaction: one query for the enabled webhooks of all their accounts and
   * types (it sees what a query per event in this transaction would have seen), one batch of
   * inserts for all their deliveries.
   *
   * @return each event's jobs, in the order of {@code events}
   */
  public List<List<Job>> deliveriesFor(List<Event> events, Instant now) {
    if (events.isEmpty()) {
      return List.of();
    }
    EnabledWebhooks enabled = enabledFor(events);
    Instant leaseUntil = now.plus(configuration.lease());
    List<DeliveryRows.NewDelivery> rows = new ArrayList<>(events.size());
    List<List<Job>> jobs = new ArrayList<>(events.size());
    for (Event event : events) {
      jobs.add(plan(event, leaseUntil, enabled, rows));
    }
    if (!rows.isEmpty()) {
      jdbc.work(
          connection -> {
            DeliveryRows.insertClaimed(connection, rows, FIRST_TOKEN, now, leaseUntil);
            return null;
          });
      created.fire(new NewDeliveries(jobs.stream().flatMap(List::stream).toList()));
    }
    return jobs;
  }

  private EnabledWebhooks enabledFor(List<Event> events) {
    List<String> accounts = events.stream().map(Event::getAccountId).distinct().toList();
    List<String> types = events.stream().map(Event::getType).distinct().toList();
    return EnabledWebhooks.of(
        jdbc.work(connection -> DeliveryRows.enabledWebhooks(connection, accounts, types)));
  }

  /**
   * One event's deliveries, one per enabled webhook of its account and type: their rows are added
   * to {@code rows} (inserted by the caller) and their jobs returned.
   */
  public List<Job> plan(
      Event event,
      Instant leaseUntil,
      EnabledWebhooks enabled,
      List<DeliveryRows.NewDelivery> rows) {
    List<EnabledWebhooks.Version> targets = enabled.of(event.getAccountId(), event.getType());
    if (targets.isEmpty()) {
      return List.of();
    }
    List<Job> jobs = new ArrayList<>(targets.size());
    for (EnabledWebhooks.Version target : targets) {
      long webhookId = target.webhookId();
      WebhookCopy webhook = webhooks.at(webhookId, target.version());
      if (webhook == null) {
        continue; // deleted since the query; nothing to deliver to
      }
      long deliveryId = jdbc.nextId(Delivery.class);
      rows.add(new DeliveryRows.NewDelivery(deliveryId, webhookId, event));
      jobs.add(
          new Job(
              deliveryId, FIRST_TOKEN, event.getAccountId(), 1, false, webhook, event, leaseUntil));
    }
    return jobs;
  }
}
