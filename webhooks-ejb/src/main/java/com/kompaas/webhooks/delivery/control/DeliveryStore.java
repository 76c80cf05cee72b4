package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.delivery.entity.Attempt;
import com.kompaas.webhooks.delivery.entity.Delivery;
import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import com.kompaas.webhooks.intake.entity.Event;
import com.kompaas.webhooks.subscription.entity.Webhook;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Every state change of a delivery, each in its own short transaction. A delivery changes hands
 * only through conditional updates (on its status and dispatch token), never by reading and then
 * writing, so concurrent schedulers and senders, in one instance or several, cannot both win.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryStore {

  /** How often a busy healthy endpoint's success is written to its health row at most. */
  static final Duration SUCCESS_RECORD_INTERVAL = Duration.ofSeconds(60);

  @PersistenceContext EntityManager em;

  @Inject RetrySchedule schedule;

  @Inject EndpointGate gate;

  @Inject WebhookCopies webhooks;

  @Inject DeliveryConfiguration configuration;

  @Inject Logger log;

  /**
   * Hands out the deliveries whose time has come: pending ones that are due, and queued or sending
   * ones whose lease ran out (a lost message or a dead sender). {@code SKIP LOCKED} lets several
   * instances' schedulers take disjoint batches without waiting on each other.
   */
  @SuppressWarnings("unchecked")
  public List<DispatchTicket> handOutDue(Instant now, int batch, Instant leaseUntil) {
    List<Object[]> due =
        em.createNativeQuery(
                "SELECT id, webhook_id FROM delivery"
                    + " WHERE status IN ('PENDING', 'QUEUED', 'SENDING') AND due_at <= ?1"
                    + " ORDER BY due_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
            .setParameter(1, now)
            .setParameter(2, batch)
            .getResultList();
    if (due.isEmpty()) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>(due.size());
    for (Object[] row : due) {
      ids.add(((Number) row[0]).longValue());
    }
    em.createNativeQuery(
            "UPDATE delivery SET status = 'QUEUED', dispatch_token = dispatch_token + 1,"
                + " due_at = ?1, updated_at = ?2, version = version + 1 WHERE id IN (?3)")
        .setParameter(1, leaseUntil)
        .setParameter(2, now)
        .setParameter(3, ids)
        .executeUpdate();
    List<Object[]> handed =
        em.createNativeQuery("SELECT id, webhook_id, dispatch_token FROM delivery WHERE id IN (?1)")
            .setParameter(1, ids)
            .getResultList();
    List<DispatchTicket> tickets = new ArrayList<>(handed.size());
    for (Object[] row : handed) {
      tickets.add(new DispatchTicket(
          ((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
    }
    return tickets;
  }

  /**
   * Takes a queued delivery for sending, if the ticket is still the current one. Reads what the
   * attempt needs; a delivery whose webhook is gone or switched off is closed without an attempt.
   */
  public Optional<Job> claim(DispatchTicket ticket, Instant now, Instant leaseUntil) {
    int claimed =
        em.createNamedQuery(Delivery.CLAIM)
            .setParameter("id", ticket.deliveryId())
            .setParameter("token", ticket.token())
            .setParameter("leaseUntil", leaseUntil)
            .setParameter("now", now)
            .executeUpdate();
    if (claimed == 0) {
      return Optional.empty(); // stale ticket: handed out again since, or already done
    }
    Delivery delivery = em.find(Delivery.class, ticket.deliveryId());
    Webhook webhook = webhooks.current(delivery.getWebhookId());
    if (webhook == null || !webhook.isEnabled() || !webhook.getAccountId().equals(delivery.getAccountId())) {
      delivery.abandon("WEBHOOK_DISABLED", now);
      return Optional.empty();
    }
    Event event = em.find(Event.class, delivery.getEventId());
    return Optional.of(
        new Job(delivery.getId(), delivery.getDispatchToken(), delivery.getAccountId(),
            delivery.getAttempts() + 1, delivery.isManualResend(), webhook, event, leaseUntil));
  }

  /**
   * Not sent now (the endpoint's circuit is open or it is busy): back to pending, no attempt. Only
   * the holder of the current token can do so, whether the delivery is still queued or was claimed
   * at creation.
   */
  public void defer(DispatchTicket ticket, Instant until, Instant now) {
    em.createNamedQuery(Delivery.DEFER)
        .setParameter("id", ticket.deliveryId())
        .setParameter("token", ticket.token())
        .setParameter("until", until)
        .setParameter("now", now)
        .executeUpdate();
  }

  /**
   * Writes the attempt, moves the delivery on (done, scheduled again, or failed), and keeps the
   * endpoint's health: a 410 or days of failure switch the webhook off. An attempt whose lease was
   * lost meanwhile is still logged (it happened), but no longer decides the delivery's state.
   */
  public void record(Job job, Attempt attempt, AttemptOutcome outcome, Instant now) {
    em.persist(attempt);
    Delivery delivery = em.find(Delivery.class, job.deliveryId());
    if (delivery == null) {
      return;
    }
    if (delivery.getStatus() != DeliveryStatus.SENDING || delivery.getDispatchToken() != job.token()) {
      log.warning(() -> "Delivery " + job.deliveryId() + " changed hands during its attempt; logged it only");
      return;
    }
    long webhookId = job.webhook().getId();
    Integer status = outcome.status() > 0 ? outcome.status() : null;
    switch (outcome.verdict()) {
      case DELIVERED -> {
        delivery.recordSuccess(outcome.status(), now);
        if (gate.successWorthRecording(webhookId, now, SUCCESS_RECORD_INTERVAL)) {
          recordHealthySince(webhookId, now);
        }
      }
      case GONE -> {
        delivery.recordFailure(status, outcome.error().name(), now, Optional.empty());
        recordFailing(webhookId, now, configuration.autoDisableAfter());
        disable(webhookId, "The endpoint answered 410 Gone, which asks senders to stop.", now);
      }
      case FAILED -> {
        Optional<Instant> next =
            job.webhook().isRetryIfError()
                ? schedule.nextAttemptAt(delivery.getAttempts() + 1, now, outcome.retryAfterHint())
                : Optional.empty();
        delivery.recordFailure(status, outcome.error().name(), now, next);
        Duration limit = configuration.autoDisableAfter();
        recordFailing(webhookId, now, limit)
            .ifPresent(since -> disable(webhookId,
                "Every delivery has failed since " + since + ": no success for " + describe(limit) + ".", now));
      }
    }
  }

  private void recordHealthySince(long webhookId, Instant now) {
    em.createNativeQuery(
            "INSERT INTO webhook_health (webhook_id, last_success_at, consecutive_failures)"
                + " VALUES (?1, ?2, 0) ON DUPLICATE KEY UPDATE last_success_at = VALUES(last_success_at),"
                + " consecutive_failures = 0, failing_since = NULL")
        .setParameter(1, webhookId)
        .setParameter(2, now)
        .executeUpdate();
  }

  /**
   * @return when the endpoint started failing without a success, if that is at least {@code limit}
   *     ago; the comparison is made in the database, in its own time zone handling
   */
  private Optional<String> recordFailing(long webhookId, Instant now, Duration limit) {
    em.createNativeQuery(
            "INSERT INTO webhook_health (webhook_id, last_failure_at, failing_since, consecutive_failures)"
                + " VALUES (?1, ?2, ?2, 1) ON DUPLICATE KEY UPDATE last_failure_at = VALUES(last_failure_at),"
                + " failing_since = COALESCE(failing_since, VALUES(failing_since)),"
                + " consecutive_failures = consecutive_failures + 1")
        .setParameter(1, webhookId)
        .setParameter(2, now)
        .executeUpdate();
    List<?> since =
        em.createNativeQuery(
                "SELECT DATE_FORMAT(failing_since, '%Y-%m-%d %H:%i UTC') FROM webhook_health"
                    + " WHERE webhook_id = ?1 AND failing_since <= ?2")
            .setParameter(1, webhookId)
            .setParameter(2, now.minus(limit))
            .getResultList();
    return since.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(since.get(0)));
  }

  private void disable(long webhookId, String reason, Instant now) {
    int changed =
        em.createNamedQuery(Webhook.DISABLE_BY_SYSTEM)
            .setParameter("id", webhookId)
            .setParameter("reason", reason)
            .setParameter("now", now)
            .executeUpdate();
    if (changed > 0) {
      log.warning(() -> "Webhook " + webhookId + " switched off: " + reason);
    }
  }

  private static String describe(Duration d) {
    return d.toDays() >= 1 ? d.toDays() + " days" : d.toHours() >= 1 ? d.toHours() + " hours" : d.toSeconds() + " seconds";
  }
}
