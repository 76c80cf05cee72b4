package com.kompaas.webhooks.event.entity;

import com.kompaas.webhooks.account.entity.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One event the telephony platform published, stored once per (account, producer id). */
@Entity
@Table(name = "event")
@NamedQuery(
    name = Event.LATEST,
    query = "select e from Event e order by e.receivedAt desc, e.id desc")
@NamedQuery(
    name = Event.BY_ACCOUNT_AND_EXTERNAL_ID,
    query = "select e from Event e where e.accountId = :accountId and e.externalId = :externalId")
@NamedQuery(name = Event.COUNT, query = "select count(e) from Event e")
@NamedQuery(
    name = Event.LATEST_OF_ACCOUNT,
    query =
        "select e from Event e where e.accountId = :accountId order by e.receivedAt desc, e.id desc")
@NamedQuery(
    name = Event.COUNT_OF_ACCOUNT,
    query = "select count(e) from Event e where e.accountId = :accountId")
public class Event {

  public static final String LATEST = "Event.latest";
  public static final String BY_ACCOUNT_AND_EXTERNAL_ID = "Event.byAccountAndExternalId";
  public static final String COUNT = "Event.count";
  public static final String LATEST_OF_ACCOUNT = "Event.latestOfAccount";
  public static final String COUNT_OF_ACCOUNT = "Event.countOfAccount";

  public static final int ACCOUNT_ID_LENGTH = Account.ID_LENGTH;
  public static final int EXTERNAL_ID_LENGTH = 128;
  public static final int TYPE_LENGTH = 128;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_seq")
  @SequenceGenerator(name = "event_seq", sequenceName = "event_seq", allocationSize = 1000)
  private Long id;

  @Column(name = "account_id", nullable = false, length = ACCOUNT_ID_LENGTH)
  private String accountId;

  @Column(name = "external_id", nullable = false, length = EXTERNAL_ID_LENGTH)
  private String externalId;

  @Column(name = "type", nullable = false, length = TYPE_LENGTH)
  private String type;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  /** The event's parameters as the producer sent them: a JSON object. */
  @Lob
  @Column(name = "data", nullable = false, columnDefinition = "LONGTEXT")
  private String data;

  protected Event() {}

  public Event(
      String accountId,
      String externalId,
      String type,
      Instant occurredAt,
      Instant receivedAt,
      String data) {
    this.accountId = Objects.requireNonNull(accountId);
    this.externalId = Objects.requireNonNull(externalId);
    this.type = Objects.requireNonNull(type);
    this.occurredAt = Objects.requireNonNull(occurredAt);
    this.receivedAt = Objects.requireNonNull(receivedAt);
    this.data = Objects.requireNonNull(data);
  }

  /**
   * An event as the intake wrote it, with plain JDBC, under an id drawn from this entity's
   * generator: a value for the senders, not managed by any persistence context.
   */
  public static Event written(
      long id,
      String accountId,
      String externalId,
      String type,
      Instant occurredAt,
      Instant receivedAt,
      String data) {
    var event = new Event(accountId, externalId, type, occurredAt, receivedAt, data);
    event.id = id;
    return event;
  }

  public Long getId() {
    return id;
  }

  public String getAccountId() {
    return accountId;
  }

  public String getExternalId() {
    return externalId;
  }

  public String getType() {
    return type;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public String getData() {
    return data;
  }
}
