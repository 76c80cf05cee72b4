package com.kompaas.webhooks.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** Who changed which webhook, when, and from what to what (secrets masked before they get here). */
@Entity
@Table(name = "audit_entry")
@NamedQuery(
    name = AuditEntry.BY_ACCOUNT,
    query =
        "select a from AuditEntry a where a.accountId = :accountId order by a.at desc, a.id desc")
@NamedQuery(
    name = AuditEntry.BY_ACCOUNT_AND_WEBHOOK,
    query =
        "select a from AuditEntry a where a.accountId = :accountId and a.webhookId = :webhookId"
            + " order by a.at desc, a.id desc")
public class AuditEntry {

  public static final String BY_ACCOUNT = "AuditEntry.byAccount";
  public static final String BY_ACCOUNT_AND_WEBHOOK = "AuditEntry.byAccountAndWebhook";

  public static final int ACTOR_LENGTH = 120;

  /** What happened to the webhook. */
  public enum Action {
    CREATE,
    UPDATE,
    DELETE,
    ENABLE,
    DISABLE,
    ROTATE_SECRET
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "account_id", nullable = false, length = Account.ID_LENGTH)
  private String accountId;

  @Column(name = "actor", nullable = false, length = ACTOR_LENGTH)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(name = "action", nullable = false, columnDefinition = "VARCHAR(16)")
  private Action action;

  @Column(name = "webhook_id", nullable = false)
  private long webhookId;

  @Column(name = "at", nullable = false)
  private Instant at;

  @Lob
  @Column(name = "before_json", columnDefinition = "MEDIUMTEXT")
  private String before;

  @Lob
  @Column(name = "after_json", columnDefinition = "MEDIUMTEXT")
  private String after;

  protected AuditEntry() {}

  public AuditEntry(
      String accountId,
      String actor,
      Action action,
      long webhookId,
      Instant at,
      String before,
      String after) {
    this.accountId = Objects.requireNonNull(accountId);
    String who = Objects.requireNonNull(actor);
    this.actor = who.length() > ACTOR_LENGTH ? who.substring(0, ACTOR_LENGTH) : who;
    this.action = Objects.requireNonNull(action);
    this.webhookId = webhookId;
    this.at = Objects.requireNonNull(at);
    this.before = before;
    this.after = after;
  }

  public Long getId() {
    return id;
  }

  public String getAccountId() {
    return accountId;
  }

  public String getActor() {
    return actor;
  }

  public Action getAction() {
    return action;
  }

  public long getWebhookId() {
    return webhookId;
  }

  public Instant getAt() {
    return at;
  }

  public String getBefore() {
    return before;
  }

  public String getAfter() {
    return after;
  }
}
