package com.kompaas.webhooks.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** A tenant. Its id is chosen by the platform and is the {@code accountId} of its events. */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.ALL, query = "select a from Account a order by a.id")
public class Account {

  public static final String ALL = "Account.all";

  public static final int ID_LENGTH = 64;
  public static final int NAME_LENGTH = 200;

  /** The same characters the JMS contract allows in {@code accountId}. */
  public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9_.:-]{1," + ID_LENGTH + "}");

  @Id
  @Size(max = ID_LENGTH)
  @Column(name = "id", nullable = false, length = ID_LENGTH)
  private String id;

  @NotBlank
  @Size(max = NAME_LENGTH)
  @Column(name = "name", nullable = false, length = NAME_LENGTH)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Account() {}

  public Account(String id, String name, Instant now) {
    if (id == null || !ID_PATTERN.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "an account id has 1 to " + ID_LENGTH + " letters, digits or _.:-");
    }
    if (name == null || name.isBlank() || name.length() > NAME_LENGTH) {
      throw new IllegalArgumentException("an account name has 1 to " + NAME_LENGTH + " characters");
    }
    this.id = id;
    this.name = name.strip();
    this.createdAt = Objects.requireNonNull(now);
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
