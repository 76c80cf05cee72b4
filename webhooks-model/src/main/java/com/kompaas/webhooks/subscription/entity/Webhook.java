package com.kompaas.webhooks.subscription.entity;

import com.kompaas.webhooks.account.entity.Account;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * One account's webhook for one event type. Every query names the account: a webhook is never
 * looked up by its id alone. A deleted webhook keeps its row (see {@link #delete}), so its delivery
 * log keeps its title; every query but the log's names leaves it out.
 */
@Entity
@Table(name = "webhook")
@NamedQuery(
    name = Webhook.BY_ACCOUNT,
    query =
        "select w from Webhook w where w.accountId = :accountId and w.deletedAt is null"
            + " order by w.settings.title, w.id")
@NamedQuery(
    name = Webhook.BY_ACCOUNT_AND_ID,
    query =
        "select w from Webhook w where w.accountId = :accountId and w.id = :id and w.deletedAt is null")
// deleted ones too: the delivery log names the webhook of every delivery it lists
@NamedQuery(
    name = Webhook.NAMES_BY_ACCOUNT_AND_IDS,
    query =
        "select w.id, w.settings.title, w.deletedAt from Webhook w where w.accountId = :accountId and w.id in :ids")
@NamedQuery(
    name = Webhook.ENABLED_BY_ACCOUNT_AND_EVENT_TYPE,
    query =
        "select w from Webhook w where w.accountId = :accountId and w.settings.eventType = :eventType"
            + " and w.settings.enabled = true and w.deletedAt is null order by w.id")
// the one query across accounts: counts only, for the operator's catalogue page
@NamedQuery(
    name = Webhook.COUNT_BY_EVENT_TYPE,
    query =
        "select w.settings.eventType, count(w) from Webhook w where w.deletedAt is null group by w.settings.eventType")
@NamedQuery(
    name = Webhook.VERSION_BY_ID,
    query = "select w.version from Webhook w where w.id = :id")
@NamedQuery(
    name = Webhook.DISABLE_BY_SYSTEM,
    query =
        "update Webhook w set w.settings.enabled = false, w.disabledReason = :reason, w.disabledAt = :now,"
            + " w.updatedAt = :now, w.version = w.version + 1 where w.id = :id and w.settings.enabled = true")
public class Webhook {

  /** Delivery switches a webhook off without loading it, so a user's open edit is not clobbered. */
  public static final String DISABLE_BY_SYSTEM = "Webhook.disableBySystem";

  /**
   * Every change bumps the version (the bulk disable too), so it tells whether a copy is current.
   */
  public static final String VERSION_BY_ID = "Webhook.versionById";

  public static final String COUNT_BY_EVENT_TYPE = "Webhook.countByEventType";

  public static final String BY_ACCOUNT = "Webhook.byAccount";
  public static final String BY_ACCOUNT_AND_ID = "Webhook.byAccountAndId";

  /** Id, title and deletion time of some of an account's webhooks, deleted ones included. */
  public static final String NAMES_BY_ACCOUNT_AND_IDS = "Webhook.namesByAccountAndIds";

  public static final String ENABLED_BY_ACCOUNT_AND_EVENT_TYPE =
      "Webhook.enabledByAccountAndEventType";

  public static final int ACCOUNT_ID_LENGTH = Account.ID_LENGTH;
  public static final int SECRET_LENGTH = 128;
  public static final int DISABLED_REASON_LENGTH = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
  @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 50)
  private Long id;

  // two editors in two tabs: the second save fails instead of silently undoing the first
  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @NotBlank
  @Size(max = ACCOUNT_ID_LENGTH)
  @Column(name = "account_id", nullable = false, length = ACCOUNT_ID_LENGTH)
  private String accountId;

  @Valid @Embedded private WebhookSettings settings = new WebhookSettings();

  /** Signs deliveries; {@code null} until the signing component assigns one. */
  @Size(max = SECRET_LENGTH)
  @Column(name = "secret", length = SECRET_LENGTH)
  private String secret;

  /** Secrets that rotations replaced and that still sign beside {@link #secret}, newest first. */
  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(
      name = "webhook_retired_secret",
      joinColumns = @JoinColumn(name = "webhook_id", nullable = false))
  @OrderColumn(name = "position", nullable = false)
  private List<RetiredSecret> retiredSecrets = new ArrayList<>();

  /** Why the system switched the webhook off (410 Gone, failing for days); null otherwise. */
  @Size(max = DISABLED_REASON_LENGTH)
  @Column(name = "disabled_reason", length = DISABLED_REASON_LENGTH)
  private String disabledReason;

  @Column(name = "disabled_at")
  private Instant disabledAt;

  /** When the account deleted it; null while it exists. */
  @Column(name = "deleted_at")
  private Instant deletedAt;

  @NotNull
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @NotNull
  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Webhook() {}

  /** Settings are expected to have passed {@code WebhookValidator}. */
  public Webhook(String accountId, WebhookSettings settings, Instant now) {
    if (accountId == null || accountId.isBlank() || accountId.length() > ACCOUNT_ID_LENGTH) {
      throw new IllegalArgumentException(
          "accountId must be 1 to " + ACCOUNT_ID_LENGTH + " characters");
    }
    this.accountId = accountId;
    this.createdAt = Objects.requireNonNull(now);
    change(settings, now);
  }

  /** Replaces all settings at once, as the settings window saves them. */
  public void change(WebhookSettings settings, Instant now) {
    this.settings.copy(Objects.requireNonNull(settings));
    this.updatedAt = Objects.requireNonNull(now);
  }

  public void enable(Instant now) {
    settings.enabled(true);
    this.disabledReason = null;
    this.disabledAt = null;
    this.updatedAt = now;
  }

  /**
   * Stores the outcome of a rotation, which {@code SecretRing} computes: the secret that signs from
   * now on, and the replaced ones that sign beside it until each one's expiry.
   */
  public void replaceSecrets(String current, List<RetiredSecret> retired, Instant now) {
    if (current == null && !retired.isEmpty()) {
      throw new IllegalArgumentException("retired secrets need a current one");
    }
    changeSecret(current, now);
    replace(retiredSecrets, retired);
  }

  /** Newest first; expired ones may still be here until the next rotation drops them. */
  public List<RetiredSecret> getRetiredSecrets() {
    return List.copyOf(retiredSecrets);
  }

  public String getDisabledReason() {
    return disabledReason;
  }

  public Instant getDisabledAt() {
    return disabledAt;
  }

  /**
   * Deleted, but the row stays: its deliveries and their attempts refer to it and are kept until
   * retention removes them. It is switched off for good, and its signing secrets go, as nothing
   * will be signed with them again.
   */
  public void delete(Instant now) {
    if (deletedAt != null) {
      return;
    }
    this.deletedAt = Objects.requireNonNull(now);
    settings.enabled(false);
    this.secret = null;
    this.retiredSecrets.clear();
    this.updatedAt = now;
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  public Instant getDeletedAt() {
    return deletedAt;
  }

  public void disable(Instant now) {
    settings.enabled(false);
    this.updatedAt = now;
  }

  /**
   * @param newSecret {@code null} to remove it, otherwise at most {@link #SECRET_LENGTH} characters
   */
  public void changeSecret(String newSecret, Instant now) {
    if (newSecret != null && (newSecret.isEmpty() || newSecret.length() > SECRET_LENGTH)) {
      throw new IllegalArgumentException("a secret has 1 to " + SECRET_LENGTH + " characters");
    }
    this.secret = newSecret;
    if (newSecret == null) {
      retiredSecrets.clear(); // unsigned: nothing signs beside nothing
    }
    this.updatedAt = now;
  }

  /** The settings as the webhook holds them; read-only outside this package. */
  public WebhookSettings settings() {
    return settings;
  }

  private static <T> void replace(List<T> target, List<T> source) {
    // in place: Hibernate tracks the collection instance it loaded
    target.clear();
    target.addAll(source);
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

  public String getEventType() {
    return settings.eventType();
  }

  public String getTitle() {
    return settings.title();
  }

  public String getUrl() {
    return settings.url();
  }

  public boolean isRetryIfError() {
    return settings.retryIfError();
  }

  public HttpMethod getMethod() {
    return settings.method();
  }

  public DataType getDataType() {
    return settings.dataType();
  }

  public List<String> getParameters() {
    return settings.parameters();
  }

  public List<KeyValue> getUserParameters() {
    return settings.userParameters();
  }

  public List<KeyValue> getQueryParameters() {
    return settings.queryParameters();
  }

  public List<KeyValue> getHeaders() {
    return settings.headers();
  }

  public String getBodyTemplate() {
    return settings.bodyTemplate();
  }

  public boolean isEnabled() {
    return settings.enabled();
  }

  public String getSecret() {
    return secret;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
