package com.kompaas.webhooks.subscription.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * A name and a value: one user parameter, query parameter or HTTP header. The constructor keeps
 * only what holds in every one of those places (a name, a value, and lengths that fit the columns);
 * which characters a place allows is {@code WebhookValidator}'s business, so that a user gets a
 * message on the field instead of an exception.
 */
@Embeddable
public class KeyValue {

  public static final int KEY_LENGTH = 256;
  public static final int VALUE_LENGTH = 2048;

  @NotNull
  @Size(min = 1, max = KEY_LENGTH)
  @Column(name = "name", nullable = false, length = KEY_LENGTH)
  private String key;

  @NotNull
  @Size(max = VALUE_LENGTH)
  @Column(name = "value", nullable = false, length = VALUE_LENGTH)
  private String value;

  protected KeyValue() {}

  /**
   * @param key not blank, at most {@link #KEY_LENGTH} characters; kept exactly as given
   * @param value may be empty, at most {@link #VALUE_LENGTH} characters; {@code null} means empty
   */
  public KeyValue(String key, String value) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a name is required");
    }
    if (key.length() > KEY_LENGTH) {
      throw new IllegalArgumentException(
          "name is " + key.length() + " characters long, more than " + KEY_LENGTH);
    }
    String v = value == null ? "" : value;
    if (v.length() > VALUE_LENGTH) {
      throw new IllegalArgumentException(
          "value of " + key + " is " + v.length() + " characters long, more than " + VALUE_LENGTH);
    }
    this.key = key;
    this.value = v;
  }

  public static KeyValue of(String key, String value) {
    return new KeyValue(key, value);
  }

  public String key() {
    return key;
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyValue other && key.equals(other.key) && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, value);
  }

  @Override
  public String toString() {
    return key + "=" + value;
  }
}
