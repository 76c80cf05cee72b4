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
 * transaction, so the event and its deliveries are committed together. The deliveries start out
 * handed to the senders' queue under token 1; the caller publishes the tickets after the commit.
 * Webhooks that are switched off get none: the event is kept, and can be replayed to them.
 */
@Dependent
public class FanOut {

  static final long FIRST_TOKEN = 1;

  @PersistenceContext EntityManager em;

  @Inject DeliveryConfiguration configuration;

  public List<DispatchTicket> deliveriesFor(Event event, Instant now) {
    List<Long> webhookIds =
        em.createNamedQuery(Webhook.ENABLED_IDS_BY_ACCOUNT_AND_EVENT_TYPE, Long.class)
            .setParameter("accountId", event.getAccountId())
            .setParameter("eventType", event.getType())
            .getResultList();
    List<DispatchTicket> tickets = new ArrayList<>(webhookIds.size());
    Instant leaseUntil = now.plus(configuration.lease());
    for (long webhookId : webhookIds) {
      var delivery =
          new Delivery(event.getAccountId(), webhookId, event.getId(), event.getType(), event.getExternalId(),
              FIRST_TOKEN, now, leaseUntil);
      em.persist(delivery);
      tickets.add(new DispatchTicket(delivery.getId(), webhookId, FIRST_TOKEN));
    }
    return tickets;
  }
}
