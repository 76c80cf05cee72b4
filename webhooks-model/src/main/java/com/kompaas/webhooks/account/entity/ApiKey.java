package com.kompaas.webhooks.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;

/**
 * A key a program of the account sends as {@code Authorization: Bearer <key>}. Only its SHA-256 is
 * stored; the key itself is shown once, when it is issued.
 */
@Entity
@Table(name = "api_key")
@NamedQuery(name = ApiKey.BY_HASH, query = "select k from ApiKey k where k.keyHash = :keyHash")
@NamedQuery(
    name = ApiKey.BY_ACCOUNT,
    query =
        "select k from ApiKey k where k.accountId = :accountId order by k.createdAt desc, k.id desc")
@NamedQuery(
    name = ApiKey.BY_ACCOUNT_AND_ID,
    query = "select k from ApiKey k where k.accountId = :accountId and k.id = :id")
public class ApiKey {

  public static final String BY_HASH = "ApiKey.byHash";
  public static final String BY_ACCOUNT = "ApiKey.byAccount";
  public static final String BY_ACCOUNT_AND_ID = "ApiKey.byAccountAndId";

  public static final int NAME_LENGTH = 100;
  public static final int PREFIX_LENGTH = 16;
  public static final int HASH_LENGTH = 64;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_key_seq")
  @SequenceGenerator(name = "api_key_seq", sequenceName = "api_key_seq", allocationSize = 50)
  private Long id;

  @Column(name = "account_id", nullable = false, length = Account.ID_LENGTH)
  private String accountId;

  @NotBlank
  @Size(max = NAME_LENGTH)
  @Column(name = "name", nullable = false, length = NAME_LENGTH)
  private String name;

  @Column(name = "prefix", nullable = false, length = PREFIX_LENGTH)
  private String prefix;

  @Column(name = "key_hash", nullable = false, length = HASH_LENGTH, columnDefinition = "CHAR(64)")
  private String keyHash;

  @Column(name = "created_by", nullable = false, length = User.LOGIN_LENGTH)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiKey() {}

  public ApiKey(
      String accountId, String name, String prefix, String keyHash, String createdBy, Instant now) {
    if (name == null || name.isBlank() || name.length() > NAME_LENGTH) {
      throw new IllegalArgumentException("a key name has 1 to " + NAME_LENGTH + " characters");
    }
    if (keyHash == null || !keyHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("the key hash is 64 lower-case hex digits");
    }
    if (prefix == null || prefix.isEmpty() || prefix.length() > PREFIX_LENGTH) {
      throw new IllegalArgumentException("a key prefix has 1 to " + PREFIX_LENGTH + " characters");
    }
    this.accountId = Objects.requireNonNull(accountId);
    this.name = name.strip();
    this.prefix = prefix;
    this.keyHash = keyHash;
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = Objects.requireNonNull(now);
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public void used(Instant now) {
    lastUsedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getAccountId() {
    return accountId;
  }

  public String getName() {
    return name;
  }

  public String getPrefix() {
    return prefix;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }
}
