package com.kompaas.webhooks.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event on its way to one webhook. The row is the resend schedule: {@code status}, {@code
 * attempts} and {@code dueAt}. Senders are handed a {@code dispatchToken}; the row changes hands
 * only through conditional updates on that token, so two senders never send the same attempt.
 */
@Entity
@Table(name = "delivery")
@NamedQuery(
    name = Delivery.EVENTS_WITHOUT_DELIVERY_TO_WEBHOOK,
    query =
        "select e from Event e where e.accountId = :accountId and e.type = :eventType"
            + " and e.receivedAt >= :from and e.receivedAt < :to and not exists"
            + " (select d.id from Delivery d"
            + " where d.webhookId = :webhookId and d.eventId = e.id) order by e.receivedAt, e.id")
@NamedQuery(
    name = Delivery.BY_ACCOUNT_AND_ID,
    query = "select d from Delivery d where d.accountId = :accountId and d.id = :id")
@NamedQuery(
    name = Delivery.BY_ACCOUNT,
    query =
        "select d from Delivery d where d.accountId = :accountId order by d.createdAt desc, d.id desc")
@NamedQuery(
    name = Delivery.BY_ACCOUNT_AND_WEBHOOK,
    query =
        "select d from Delivery d where d.accountId = :accountId and d.webhookId = :webhookId"
            + " order by d.createdAt desc, d.id desc")
@NamedQuery(
    name = Delivery.FAILED_BY_WEBHOOK_IN_RANGE,
    query =
        "select d from Delivery d where d.accountId = :accountId and d.webhookId = :webhookId"
            + " and d.status = com.kompaas.webhooks.delivery.entity.DeliveryStatus.FAILED"
            + " and d.createdAt >= :from and d.createdAt < :to order by d.createdAt, d.id")
// a deleted webhook's deliveries that wait to be sent (again) end now (DeliveryTransitions.abandon
// of every one in DeliveryTransitions.WAITING, as one statement: there may be a million); one being
// sent finishes its attempt, and is ended when it would next be handed out
// (DeliveryStore.handOutDue)
@NamedQuery(
    name = Delivery.END_WAITING_OF_WEBHOOK,
    query =
        "update Delivery d set d.status = com.kompaas.webhooks.delivery.entity.DeliveryStatus.FAILED,"
            + " d.lastError = :reason, d.dueAt = null, d.updatedAt = :now, d.version = d.version + 1"
            + " where d.accountId = :accountId and d.webhookId = :webhookId"
            + " and d.status in :waiting")
@NamedQuery(
    name = Delivery.COUNTS_BY_WEBHOOK_SINCE,
    query =
        "select d.webhookId, count(d),"
            + " sum(case when d.status = com.kompaas.webhooks.delivery.entity.DeliveryStatus.SUCCEEDED then 1 else 0 end),"
            + " sum(case when d.status = com.kompaas.webhooks.delivery.entity.DeliveryStatus.FAILED then 1 else 0 end)"
            + " from Delivery d where d.accountId = :accountId and d.createdAt >= :since group by d.webhookId")
@NamedQuery(
    name = Delivery.LATEST_PER_WEBHOOK,
    query =
        "select d from Delivery d where d.accountId = :accountId and d.lastAttemptAt is not null"
            + " and d.lastAttemptAt = (select max(d2.lastAttemptAt) from Delivery d2"
            + " where d2.accountId = :accountId and d2.webhookId = d.webhookId)")
public class Delivery {

  /** Events of a webhook's type in a time range that have no delivery to it yet (for a redrive). */
  public static final String EVENTS_WITHOUT_DELIVERY_TO_WEBHOOK =
      "Delivery.eventsWithoutDeliveryToWebhook";

  /**
   * Per webhook of an account: deliveries since a time, how many succeeded, how many failed for
   * good.
   */
  public static final String COUNTS_BY_WEBHOOK_SINCE = "Delivery.countsByWebhookSince";

  /** Per webhook of an account: the delivery attempted last (the list's "last result" column). */
  public static final String LATEST_PER_WEBHOOK = "Delivery.latestPerWebhook";

  public static final String BY_ACCOUNT_AND_ID = "Delivery.byAccountAndId";
  public static final String END_WAITING_OF_WEBHOOK = "Delivery.endWaitingOfWebhook";

  public static final String BY_ACCOUNT = "Delivery.byAccount";
  public static final String BY_ACCOUNT_AND_WEBHOOK = "Delivery.byAccountAndWebhook";
  public static final String FAILED_BY_WEBHOOK_IN_RANGE = "Delivery.failedByWebhookInRange";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
  @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 1000)
  private Long id;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Column(name = "account_id", nullable = false, length = 64)
  private String accountId;

  @Column(name = "webhook_id", nullable = false)
  private long webhookId;

  @Column(name = "event_id", nullable = false)
  private long eventId;

  @Column(name = "event_type", nullable = false, length = 128)
  private String eventType;

  @Column(name = "external_event_id", nullable = false, length = 128)
  private String externalEventId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, columnDefinition = "VARCHAR(16)")
  private DeliveryStatus status;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "dispatch_token", nullable = false)
  private long dispatchToken;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "manual_resend", nullable = false)
  private boolean manualResend;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  @Column(name = "last_status_code")
  private Integer lastStatusCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "last_error", columnDefinition = "VARCHAR(32)")
  private DeliveryError lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Delivery() {}

  /** A new delivery, already handed to the senders' queue with a lease until {@code leaseUntil}. */
  public Delivery(
      String accountId,
      long webhookId,
      long eventId,
      String eventType,
      String externalEventId,
      long dispatchToken,
      Instant now,
      Instant leaseUntil) {
    this.accountId = Objects.requireNonNull(accountId);
    this.webhookId = webhookId;
    this.eventId = eventId;
    this.eventType = Objects.requireNonNull(eventType);
    this.externalEventId = Objects.requireNonNull(externalEventId);
    this.status = DeliveryStatus.QUEUED;
    this.dispatchToken = dispatchToken;
    this.dueAt = leaseUntil;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Its state, as {@link DeliveryTransitions} reads it. */
  public DeliveryState state() {
    return new DeliveryState(
        status,
        dispatchToken,
        dueAt,
        attempts,
        manualResend,
        lastAttemptAt,
        lastStatusCode,
        lastError);
  }

  /**
   * Pending and due at {@code until}, unsent: {@link DeliveryTransitions#defer} by its token's
   * holder.
   */
  public void defer(Instant until, Instant now) {
    apply(DeliveryTransitions.defer(state(), dispatchToken, until), now, "deferred");
  }

  /** The webhook is disabled or deleted: nothing was sent, and nothing will be until a resend. */
  public void abandon(DeliveryError reason, Instant now) {
    apply(DeliveryTransitions.abandon(state(), reason), now, "abandoned");
  }

  /**
   * A person asked for another attempt: a new attempt, the history stays ({@link
   * DeliveryTransitions#resend}).
   *
   * @return false, and nothing changed, while a sender holds it
   */
  public boolean resend(Instant now) {
    Optional<DeliveryState> next = DeliveryTransitions.resend(state(), now);
    next.ifPresent(n -> apply(n, now));
    return next.isPresent();
  }

  private void apply(Optional<DeliveryState> next, Instant now, String what) {
    apply(
        next.orElseThrow(
            () -> new IllegalStateException("a " + status + " delivery cannot be " + what)),
        now);
  }

  private void apply(DeliveryState next, Instant now) {
    this.status = next.status();
    this.dispatchToken = next.token();
    this.dueAt = next.dueAt();
    this.attempts = next.attempts();
    this.manualResend = next.manualResend();
    this.lastAttemptAt = next.lastAttemptAt();
    this.lastStatusCode = next.lastStatusCode();
    this.lastError = next.lastError();
    this.updatedAt = Objects.requireNonNull(now);
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public String getAccountId() {
    return accountId;
  }

  public long getWebhookId() {
    return webhookId;
  }

  public long getEventId() {
    return eventId;
  }

  public String getEventType() {
    return eventType;
  }

  public String getExternalEventId() {
    return externalEventId;
  }

  public DeliveryStatus getStatus() {
    return status;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public long getDispatchToken() {
    return dispatchToken;
  }

  public int getAttempts() {
    return attempts;
  }

  public boolean isManualResend() {
    return manualResend;
  }

  public Instant getLastAttemptAt() {
    return lastAttemptAt;
  }

  public Integer getLastStatusCode() {
    return lastStatusCode;
  }

  public DeliveryError getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /** The next attempt's time while one is scheduled; null otherwise. */
  public Instant getNextAttemptAt() {
    return status == DeliveryStatus.PENDING ? dueAt : null;
  }
}
