package com.kompaas.webhooks.delivery.boundary;

import com.kompaas.webhooks.delivery.entity.Attempt;
import com.kompaas.webhooks.delivery.entity.Delivery;
import com.kompaas.webhooks.delivery.entity.DeliveryError;
import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import com.kompaas.webhooks.delivery.entity.DeliveryTransitions;
import com.kompaas.webhooks.event.entity.Event;
import com.kompaas.webhooks.subscription.boundary.WebhookDeleted;
import com.kompaas.webhooks.subscription.entity.Webhook;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The delivery log and what people do with it: filter and page deliveries, read their attempts,
 * resend one, resend the failed ones of a webhook in a time range, and replay stored events to a
 * webhook that was off. Every query and action is scoped to the caller's account.
 */
@Stateless
public class Deliveries {

  /** Bulk resend and replay take at most this many deliveries per request. */
  public static final int BULK_LIMIT = 1000;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /**
   * Ends the deliveries of a deleted webhook that still wait to be sent or resent, in the deleting
   * transaction; one being sent at this moment finishes its attempt, which is recorded.
   */
  public void endWaiting(@Observes WebhookDeleted deleted) {
    em.createNamedQuery(Delivery.END_WAITING_OF_WEBHOOK)
        .setParameter("reason", DeliveryError.WEBHOOK_DELETED)
        .setParameter("waiting", DeliveryTransitions.WAITING)
        .setParameter("now", deleted.at())
        .setParameter("accountId", deleted.accountId())
        .setParameter("webhookId", deleted.webhookId())
        .executeUpdate();
  }

  /**
   * Optional filters of the log; null means any. {@code eventId} matches the producer's id prefix.
   */
  public record Filter(
      Long webhookId,
      DeliveryStatus status,
      String eventType,
      Instant from,
      Instant to,
      String eventId) {
    public static Filter none() {
      return new Filter(null, null, null, null, null, null);
    }
  }

  public List<Delivery> list(String accountId, Filter filter, int first, int max) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Delivery> query = cb.createQuery(Delivery.class);
    Root<Delivery> d = query.from(Delivery.class);
    query
        .select(d)
        .where(predicates(cb, d, accountId, filter))
        .orderBy(cb.desc(d.get("createdAt")), cb.desc(d.get("id")));
    return em.createQuery(query).setFirstResult(first).setMaxResults(max).getResultList();
  }

  /** The log counts matches up to this many, and beyond says only that there are more. */
  public static final int COUNT_LIMIT = 10_000;

  /**
   * How many deliveries match, exactly up to {@link #COUNT_LIMIT}; {@code more} when there are more
   * than that.
   */
  public record Count(long value, boolean more) {}

  /**
   * Counts the matches, up to {@link #COUNT_LIMIT}: the ids of at most one more than that many,
   * read from the same index as the page, so that an account with millions of deliveries counts as
   * fast as one with ten thousand (an exact COUNT(*) reads every matching row: seconds).
   */
  public Count count(String accountId, Filter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<Delivery> d = query.from(Delivery.class);
    query
        .select(d.get("id"))
        .where(predicates(cb, d, accountId, filter))
        .orderBy(cb.desc(d.get("createdAt")), cb.desc(d.get("id")));
    int found = em.createQuery(query).setMaxResults(COUNT_LIMIT + 1).getResultList().size();
    return found > COUNT_LIMIT ? new Count(COUNT_LIMIT, true) : new Count(found, false);
  }

  private static Predicate[] predicates(
      CriteriaBuilder cb, Root<Delivery> d, String accountId, Filter f) {
    List<Predicate> where = new ArrayList<>();
    where.add(cb.equal(d.get("accountId"), accountId));
    if (f.webhookId() != null) {
      where.add(cb.equal(d.get("webhookId"), f.webhookId()));
    }
    if (f.status() != null) {
      where.add(cb.equal(d.get("status"), f.status()));
    }
    if (f.eventType() != null && !f.eventType().isBlank()) {
      where.add(cb.equal(d.get("eventType"), f.eventType()));
    }
    if (f.from() != null) {
      where.add(cb.greaterThanOrEqualTo(d.get("createdAt"), f.from()));
    }
    if (f.to() != null) {
      where.add(cb.lessThan(d.get("createdAt"), f.to()));
    }
    if (f.eventId() != null && !f.eventId().isBlank()) {
      String escaped =
          f.eventId().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      where.add(cb.like(d.get("externalEventId"), escaped + "%", '\\'));
    }
    return where.toArray(Predicate[]::new);
  }

  public Optional<Delivery> find(String accountId, long deliveryId) {
    return em.createNamedQuery(Delivery.BY_ACCOUNT_AND_ID, Delivery.class)
        .setParameter("accountId", accountId)
        .setParameter("id", deliveryId)
        .getResultStream()
        .findFirst();
  }

  public List<Attempt> attempts(String accountId, long deliveryId) {
    return em.createNamedQuery(Attempt.BY_DELIVERY, Attempt.class)
        .setParameter("accountId", accountId)
        .setParameter("deliveryId", deliveryId)
        .getResultList();
  }

  /**
   * Another attempt now, as a new attempt row; the history stays. Refused (false) while the
   * delivery is being sent, when its webhook was deleted, and for another account's delivery.
   */
  public boolean resend(String accountId, long deliveryId) {
    Optional<Delivery> found = find(accountId, deliveryId);
    if (found.isEmpty() || deleted(found.get().getWebhookId())) {
      return false;
    }
    return found.get().resend(clock.instant()); // refused while a sender holds it
  }

  /**
   * Resends the failed deliveries of one webhook created in [from, to), at most {@link
   * #BULK_LIMIT}; none of a deleted webhook.
   */
  public int resendFailed(String accountId, long webhookId, Instant from, Instant to) {
    if (deleted(webhookId)) {
      return 0;
    }
    List<Delivery> failed =
        inRange(
            em.createNamedQuery(Delivery.FAILED_BY_WEBHOOK_IN_RANGE, Delivery.class),
            accountId,
            webhookId,
            from,
            to);
    Instant now = clock.instant();
    return (int) failed.stream().filter(delivery -> delivery.resend(now)).count();
  }

  /**
   * The first {@link #BULK_LIMIT} rows of a bulk action's query over one webhook and [from, to).
   */
  private static <T> List<T> inRange(
      TypedQuery<T> query, String accountId, long webhookId, Instant from, Instant to) {
    return query
        .setParameter("accountId", accountId)
        .setParameter("webhookId", webhookId)
        .setParameter("from", from)
        .setParameter("to", to)
        .setMaxResults(BULK_LIMIT)
        .getResultList();
  }

  /** Whether the webhook was deleted; callers have checked that the delivery is the account's. */
  private boolean deleted(long webhookId) {
    Webhook webhook = em.find(Webhook.class, webhookId);
    return webhook == null || webhook.isDeleted();
  }

  /**
   * Creates deliveries to one webhook for the stored events of its type that arrived in [from, to)
   * and have none yet (the webhook was off, or did not exist): events are never lost, only held. At
   * most {@link #BULK_LIMIT} per call.
   */
  public int replay(String accountId, long webhookId, Instant from, Instant to) {
    Optional<Webhook> webhook =
        em.createNamedQuery(Webhook.BY_ACCOUNT_AND_ID, Webhook.class)
            .setParameter("accountId", accountId)
            .setParameter("id", webhookId)
            .getResultStream()
            .findFirst();
    if (webhook.isEmpty()) {
      return 0;
    }
    List<Event> events =
        inRange(
            em.createNamedQuery(Delivery.EVENTS_WITHOUT_DELIVERY_TO_WEBHOOK, Event.class)
                .setParameter("eventType", webhook.get().getEventType()),
            accountId,
            webhookId,
            from,
            to);
    Instant now = clock.instant();
    for (Event event : events) {
      Delivery delivery =
          new Delivery(
              accountId,
              webhookId,
              event.getId(),
              event.getType(),
              event.getExternalId(),
              1,
              now,
              now);
      delivery.defer(now, now); // pending and due now: the scheduler hands it out on its next tick
      em.persist(delivery);
    }
    return events.size();
  }
}
