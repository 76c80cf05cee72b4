package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.account.entity.AuditEntry;
import com.kompaas.webhooks.delivery.entity.Attempt;
import com.kompaas.webhooks.delivery.entity.DeliveryError;
import com.kompaas.webhooks.delivery.entity.DeliveryState;
import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import com.kompaas.webhooks.delivery.entity.DeliveryTransitions;
import com.kompaas.webhooks.event.entity.Event;
import com.kompaas.webhooks.platform.control.TransactionJdbc;
import com.kompaas.webhooks.subscription.control.WebhookSnapshot;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
  public static final Duration SUCCESS_RECORD_INTERVAL = Duration.ofSeconds(60);

  /**
   * How long past its lease a delivery that is {@code SENDING} stays with its sender: the request
   * may have gone out, and the sender may still be trying to write its attempt (the database was
   * away, see {@link AttemptRecorder}). Handing it out at the lease's end raced that write when the
   * database came back, and the scheduler's win sent the request a second time (FaultsSystemIT,
   * once in CI). Queued deliveries, which no sender has taken, need no grace.
   */
  public static final Duration RECORD_GRACE = Duration.ofSeconds(30);

  @PersistenceContext EntityManager em;

  @Inject RetrySchedule schedule;

  @Inject WebhookCopies webhooks;

  @Inject DeliveryConfiguration configuration;

  @Inject Logger log;

  @Inject TransactionJdbc jdbc;

  /**
   * Hands out the deliveries whose time has come: pending ones that are due, and queued or sending
   * ones whose lease ran out (a lost message or a dead sender; a sending one only once {@link
   * #RECORD_GRACE} has passed too). They are claimed here for this instance's senders, as fan-out
   * claims new deliveries: {@code SENDING} under a new token until {@code leaseUntil}, with what
   * their attempts need read in the same transaction, so no sender needs a claim transaction of its
   * own (one per delivery was most of a resend's cost, docs/benchmarks.md). {@code SKIP LOCKED}
   * lets several instances' schedulers take disjoint batches without waiting on each other. A
   * delivery whose webhook is gone or switched off is closed without an attempt.
   *
   * <p>Each status is read by a query of its own, in the order of the due index {@code (status,
   * due_at)}, so that each stops after the rows it takes. One query with an {@code OR} over the
   * statuses cannot be read in that order: with a million rows due it read, sorted and locked all
   * of them for every batch (3.8 s a batch, 138 resends/s; docs/benchmarks.md). Lapsed leases go
   * first (a lost message or a dead sender is late already), then pending resends.
   */
  public List<Job> handOutDue(Instant now, int batch, Instant leaseUntil) {
    List<DeliveryRows.Due> due =
        jdbc.work(
            connection -> {
              List<DeliveryRows.Due> rows =
                  new ArrayList<>(
                      DeliveryRows.due(
                          connection, DeliveryStatus.SENDING, now.minus(RECORD_GRACE), batch));
              rows.addAll(
                  DeliveryRows.due(connection, DeliveryStatus.QUEUED, now, batch - rows.size()));
              rows.addAll(
                  DeliveryRows.due(connection, DeliveryStatus.PENDING, now, batch - rows.size()));
              return rows;
            });
    if (due.isEmpty()) {
      return List.of();
    }
    Map<Long, Event> events =
        jdbc.work(
            connection ->
                DeliveryRows.events(
                    connection, due.stream().map(DeliveryRows.Due::eventId).toList()));
    Map<Long, Optional<WebhookCopy>> batchWebhooks =
        new HashMap<>(); // one version read per webhook, not per row
    Map<Long, DeliveryRows.Change> changes = new TreeMap<>();
    List<Job> jobs = new ArrayList<>(due.size());
    for (DeliveryRows.Due row : due) {
      WebhookCopy webhook =
          batchWebhooks
              .computeIfAbsent(
                  row.webhookId(), webhookId -> Optional.ofNullable(webhooks.current(webhookId)))
              .orElse(null);
      Event event = events.get(row.eventId());
      if (webhook == null
          || !webhook.enabled()
          || !webhook.accountId().equals(row.accountId())
          || event == null) {
        DeliveryError reason =
            webhook != null && webhook.deleted()
                ? DeliveryError.WEBHOOK_DELETED
                : DeliveryError.WEBHOOK_DISABLED;
        DeliveryTransitions.abandon(row.state(), reason)
            .ifPresent(
                ended -> changes.put(row.id(), new DeliveryRows.Change(row.state(), ended, now)));
        continue;
      }
      DeliveryTransitions.claim(row.state(), leaseUntil)
          .ifPresent(
              claimed -> {
                changes.put(row.id(), new DeliveryRows.Change(row.state(), claimed, now));
                jobs.add(
                    new Job(
                        row.id(),
                        claimed.token(),
                        row.accountId(),
                        claimed.attempts() + 1,
                        claimed.manualResend(),
                        webhook,
                        event,
                        leaseUntil));
              });
    }
    jdbc.work(
        connection -> {
          DeliveryRows.write(connection, changes);
          return null;
        });
    return jobs;
  }

  /**
   * Not sent now (the endpoint's circuit is open or it is busy): back to pending, no attempt. Only
   * the holder of the current token can do so ({@link DeliveryTransitions#defer}), whether the
   * delivery is still queued or was claimed at creation.
   */
  public void defer(DispatchTicket ticket, Instant until, Instant now) {
    jdbc.work(
        connection -> {
          DeliveryState held =
              DeliveryRows.lock(connection, List.of(ticket.deliveryId())).get(ticket.deliveryId());
          Optional<DeliveryState> pending =
              held == null
                  ? Optional.empty()
                  : DeliveryTransitions.defer(held, ticket.token(), until);
          if (pending.isPresent()) {
            DeliveryRows.write(
                connection,
                Map.of(ticket.deliveryId(), new DeliveryRows.Change(held, pending.get(), now)));
          }
          return null;
        });
  }

  /**
   * Writes attempts, each as a fresh row, moves their deliveries on (done, scheduled again, or
   * failed), and keeps the endpoints' health: a 410 or days of failure switch a webhook off. An
   * attempt whose lease was lost meanwhile is still logged (it happened), but no longer decides its
   * delivery's state. One transaction for the whole batch, in plain JDBC ({@link AttemptRows}): the
   * deliveries are read and locked in one query (in id order, as every batch does) before any
   * attempt row is written, the inserts and updates go out as batches, and each webhook's health
   * row is written once per run of equal outcomes. An attempt {@linkplain FinishedAttempt#reduced
   * reduced} to no row still moves its delivery on.
   */
  @TransactionAttribute(
      TransactionAttributeType.REQUIRED) // callers hold none; a test wraps one to fail it
  public void record(List<FinishedAttempt> batch) {
    // a write tried before may have committed unheard: its rows are looked for first
    boolean retry = batch.stream().anyMatch(FinishedAttempt::triedBefore);
    List<Long> ids = new ArrayList<>(batch.size());
    List<AttemptRows.NewAttempt> rows = new ArrayList<>(batch.size()); // null where no row is kept
    for (FinishedAttempt finished : batch) {
      ids.add(finished.job().deliveryId());
      long rowId = finished.rowId(() -> jdbc.nextId(Attempt.class));
      rows.add(
          finished.kept() == FinishedAttempt.Kept.NOTHING
              ? null
              : new AttemptRows.NewAttempt(rowId, finished.attempt()));
    }
    List<HealthChanges.Change> health = new ArrayList<>(batch.size());
    jdbc.work(
        connection -> {
          // locked first, before any attempt row (whose key refers to its delivery) is written
          Map<Long, DeliveryState> deliveries = DeliveryRows.lock(connection, ids);
          Set<Long> written =
              retry
                  ? AttemptRows.existing(
                      connection, rows.stream().filter(Objects::nonNull).toList())
                  : Set.of();
          List<FinishedAttempt> fresh = new ArrayList<>(batch.size());
          List<AttemptRows.NewAttempt> freshRows = new ArrayList<>(batch.size());
          for (int i = 0; i < batch.size(); i++) {
            AttemptRows.NewAttempt row = rows.get(i);
            if (row != null && written.contains(row.id())) {
              continue; // written by a commit nobody heard of: done
            }
            fresh.add(batch.get(i));
            // a deleted delivery took its attempts with it: its row would break the foreign key
            if (row != null && deliveries.containsKey(batch.get(i).job().deliveryId())) {
              freshRows.add(row);
            }
          }
          AttemptRows.insert(connection, freshRows);
          Map<Long, DeliveryRows.Change> changes = new TreeMap<>();
          for (FinishedAttempt finished : fresh) {
            Job job = finished.job();
            DeliveryState delivery = deliveries.get(job.deliveryId());
            if (delivery == null) {
              continue;
            }
            AttemptOutcome outcome = finished.outcome();
            Instant at = finished.finishedAt();
            Optional<Instant> next =
                outcome.verdict() == AttemptOutcome.Verdict.FAILED
                        && job.webhook().settings().retryIfError()
                    ? schedule.nextAttemptAt(delivery.attempts() + 1, at, outcome.retryAfterHint())
                    : Optional.empty();
            var attempted =
                new DeliveryTransitions.Attempted(
                    outcome.delivered(),
                    outcome.status() > 0 ? outcome.status() : null,
                    outcome.error(),
                    at,
                    next);
            Optional<DeliveryState> moved =
                changes.containsKey(job.deliveryId())
                    ? Optional.empty()
                    : DeliveryTransitions.record(delivery, job.token(), attempted);
            if (moved.isEmpty()) {
              log.warning(
                  () ->
                      "Delivery "
                          + job.deliveryId()
                          + " changed hands during its attempt; logged it only");
              continue;
            }
            changes.put(
                job.deliveryId(),
                new DeliveryRows.Change(delivery, moved.get(), at)); // as of the attempt's end
            health.add(
                new HealthChanges.Change(
                    job.webhook().id(), outcome.verdict(), at, finished.successWorthRecording()));
          }
          DeliveryRows.write(connection, changes);
          return null;
        });
    Duration limit = configuration.autoDisableAfter();
    HealthChanges.of(health)
        .forEach(
            (webhookId, runs) -> {
              for (HealthChanges.Run run : runs) {
                if (run instanceof HealthChanges.Successes success) {
                  recordHealthySince(webhookId, success.lastAt());
                } else if (run instanceof HealthChanges.Failures failures) {
                  Optional<String> since = recordFailing(webhookId, failures, limit);
                  if (failures.gone()) {
                    disable(
                        webhookId,
                        "The endpoint answered 410 Gone, which asks senders to stop.",
                        failures.lastAt());
                  }
                  if (failures.failed()) {
                    since.ifPresent(
                        s ->
                            disable(
                                webhookId,
                                "Every delivery has failed since "
                                    + s
                                    + ": no success for "
                                    + describe(limit)
                                    + ".",
                                failures.lastAt()));
                  }
                }
              }
            });
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
  private Optional<String> recordFailing(
      long webhookId, HealthChanges.Failures failures, Duration limit) {
    Instant now = failures.lastAt();
    em.createNativeQuery(
            "INSERT INTO webhook_health (webhook_id, last_failure_at, failing_since, consecutive_failures)"
                + " VALUES (?1, ?2, ?3, ?4) ON DUPLICATE KEY UPDATE last_failure_at = VALUES(last_failure_at),"
                + " failing_since = COALESCE(failing_since, VALUES(failing_since)),"
                + " consecutive_failures = consecutive_failures + VALUES(consecutive_failures)")
        .setParameter(1, webhookId)
        .setParameter(2, now)
        .setParameter(3, failures.firstAt())
        .setParameter(4, failures.count())
        .executeUpdate();
    if (!failures.failed()) {
      return Optional.empty(); // only ordinary failures count towards switching off after days
    }
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
      // the account's audit log says so too, in the same transaction as the switch
      Webhook off = em.find(Webhook.class, webhookId);
      if (off != null) {
        em.refresh(off); // the bulk update went past the persistence context
        em.persist(
            new AuditEntry(
                off.getAccountId(),
                "system",
                AuditEntry.Action.DISABLE,
                webhookId,
                now,
                null,
                WebhookSnapshot.of(off)));
      }
    }
  }

  private static String describe(Duration d) {
    return d.toDays() >= 1
        ? d.toDays() + " days"
        : d.toHours() >= 1 ? d.toHours() + " hours" : d.toSeconds() + " seconds";
  }
}
