package com.kompaas.webhooks.account.entity;

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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Someone who signs in to the console. Holds the login's brute-force ceiling over all clients:
 * after {@link #FREE_ATTEMPTS} failures in a row each further failure locks the user for twice as
 * long as the one before (30 s, 1 min, 2 min ... at most {@link #MAX_LOCK}); a success resets it.
 * The console locks a single client much earlier (its {@code SignInThrottle}), so this ceiling only
 * stops guessing spread over many addresses, and one stranger cannot lock the real user out.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = User.BY_LOGIN, query = "select u from User u where u.login = :login")
@NamedQuery(name = User.COUNT, query = "select count(u) from User u")
@NamedQuery(
    name = User.BY_ACCOUNT,
    query = "select u from User u where u.accountId = :accountId order by u.login")
@NamedQuery(name = User.ALL, query = "select u from User u order by u.accountId, u.login")
public class User {

  public static final String BY_LOGIN = "User.byLogin";
  public static final String COUNT = "User.count";
  public static final String BY_ACCOUNT = "User.byAccount";
  public static final String ALL = "User.all";

  public static final int LOGIN_LENGTH = 100;
  public static final int HASH_LENGTH = 512;
  public static final Pattern LOGIN_PATTERN =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@+-]{0," + (LOGIN_LENGTH - 1) + "}");

  /**
   * Failures in a row, from all clients together, before the login itself locks: high, because a
   * lock here refuses the real user too; one client is stopped after 5 (SignInThrottle).
   */
  public static final int FREE_ATTEMPTS = 50;

  static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  public static final Duration MAX_LOCK = Duration.ofMinutes(15);

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
  @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
  private Long id;

  // parallel sign-in failures must each count
  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @NotBlank
  @Size(max = LOGIN_LENGTH)
  @Column(name = "login", nullable = false, length = LOGIN_LENGTH)
  private String login;

  @NotBlank
  @Size(max = HASH_LENGTH)
  @Column(name = "password_hash", nullable = false, length = HASH_LENGTH)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  // a plain VARCHAR: Hibernate 6 would otherwise expect MariaDB's native ENUM type
  @Column(name = "role", nullable = false, columnDefinition = "VARCHAR(32)")
  private Role role;

  @Size(max = Account.ID_LENGTH)
  @Column(name = "account_id", length = Account.ID_LENGTH)
  private String accountId;

  @Column(name = "failed_attempts", nullable = false)
  private int failedAttempts;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  protected User() {}

  /**
   * @param accountId {@code null} exactly when the role is {@link Role#PLATFORM_OPERATOR}
   * @param passwordHash already hashed; this class never sees a password
   */
  public User(String login, String passwordHash, Role role, String accountId, Instant now) {
    if (login == null || !LOGIN_PATTERN.matcher(login).matches()) {
      throw new IllegalArgumentException(
          "a login has 1 to "
              + LOGIN_LENGTH
              + " letters, digits or _.@+- and starts with a letter or digit");
    }
    Objects.requireNonNull(role, "role");
    if (role.belongsToAccount() != (accountId != null)) {
      throw new IllegalArgumentException(
          role.belongsToAccount()
              ? role + " needs an account"
              : "an operator belongs to no account");
    }
    this.login = login;
    this.role = role;
    this.accountId = accountId;
    this.createdAt = Objects.requireNonNull(now);
    changePasswordHash(passwordHash);
  }

  public boolean isLockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** A wrong password: counts it and, past the free attempts, locks for a doubling time. */
  public void recordFailure(Instant now) {
    failedAttempts++;
    int over = failedAttempts - FREE_ATTEMPTS;
    if (over >= 0) {
      Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(over, 20));
      lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
    }
  }

  public void recordSuccess(Instant now) {
    failedAttempts = 0;
    lockedUntil = null;
    lastLoginAt = now;
  }

  /** An operator's reset of a locked user. */
  public void unlock() {
    failedAttempts = 0;
    lockedUntil = null;
  }

  public void changePasswordHash(String newHash) {
    if (newHash == null || newHash.isBlank() || newHash.length() > HASH_LENGTH) {
      throw new IllegalArgumentException("a password hash has 1 to " + HASH_LENGTH + " characters");
    }
    this.passwordHash = newHash;
  }

  public Long getId() {
    return id;
  }

  public String getLogin() {
    return login;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public String getAccountId() {
    return accountId;
  }

  public int getFailedAttempts() {
    return failedAttempts;
  }

  public Instant getLockedUntil() {
    return lockedUntil;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastLoginAt() {
    return lastLoginAt;
  }
}
