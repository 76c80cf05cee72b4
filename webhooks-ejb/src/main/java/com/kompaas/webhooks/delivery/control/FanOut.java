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

  @PersistenceContext EntityManager em;

  @Inject DeliveryConfiguration configuration;

  @Inject WebhookCopies webhooks;

  public List<Job> deliveriesFor(Event event, Instant now) {
    List<Object[]> enabled =
        em.createNamedQuery(Webhook.ENABLED_VERSIONS_BY_ACCOUNT_AND_EVENT_TYPE, Object[].class)
            .setParameter("accountId", event.getAccountId())
            .setParameter("eventType", event.getType())
            .getResultList();
    List<Job> jobs = new ArrayList<>(enabled.size());
    Instant leaseUntil = now.plus(configuration.lease());
    for (Object[] row : enabled) {
      long webhookId = ((Number) row[0]).longValue();
      Webhook webhook = webhooks.at(webhookId, ((Number) row[1]).longValue());
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
