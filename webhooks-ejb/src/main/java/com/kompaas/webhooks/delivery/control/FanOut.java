package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.delivery.entity.Delivery;
import com.kompaas.webhooks.intake.entity.Event;
import com.kompaas.webhooks.subscription.entity.Webhook;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

  @PersistenceContext EntityManager em;

  @Inject DeliveryConfiguration configuration;

  @Inject WebhookCopies webhooks;

  /** One event alone: one query for its webhooks. */
  public List<Job> deliveriesFor(Event event, Instant now) {
    return deliveriesFor(event, now, enabledFor(List.of(event.getAccountId()), List.of(event.getType())));
  }

  /**
   * The enabled webhooks of several events' accounts and types, in one query of the caller's
   * transaction; it sees what a query per event in that transaction would have seen.
   */
  @SuppressWarnings("unchecked")
  public EnabledWebhooks enabledFor(List<String> accountIds, List<String> eventTypes) {
    Set<String> accounts = new HashSet<>(accountIds);
    Set<String> types = new HashSet<>(eventTypes);
    if (accounts.isEmpty() || types.isEmpty()) {
      return EnabledWebhooks.of(List.of());
    }
    List<Object[]> rows =
        em.createNamedQuery(Webhook.ENABLED_VERSIONS_BY_ACCOUNTS_AND_EVENT_TYPES)
            .setParameter(1, accounts)
            .setParameter(2, types)
            .getResultList();
    return EnabledWebhooks.of(rows);
  }

  /** @param enabled read by {@link #enabledFor} in the same transaction, for this event among others */
  public List<Job> deliveriesFor(Event event, Instant now, EnabledWebhooks enabled) {
    List<EnabledWebhooks.Version> targets = enabled.of(event.getAccountId(), event.getType());
    List<Job> jobs = new ArrayList<>(targets.size());
    Instant leaseUntil = now.plus(configuration.lease());
    for (EnabledWebhooks.Version target : targets) {
      long webhookId = target.webhookId();
      Webhook webhook = webhooks.at(webhookId, target.version());
      if (webhook == null) {
        continue; // deleted since the query; nothing to deliver to
      }
      var delivery =
          Delivery.claimedAtCreation(event.getAccountId(), webhookId, event.getId(), event.getType(),
              event.getExternalId(), FIRST_TOKEN, now, leaseUntil);
      em.persist(delivery);
      jobs.add(new Job(delivery.getId(), FIRST_TOKEN, event.getAccountId(), 1, false, webhook, event, leaseUntil));
    }
    return jobs;
  }
}
