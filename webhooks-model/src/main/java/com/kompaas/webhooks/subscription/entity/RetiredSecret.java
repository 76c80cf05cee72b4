package com.kompaas.webhooks.subscription.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * A signing secret that a rotation replaced and that keeps signing beside the current one until
 * {@link #expiresAt()}, so receivers can switch keys without rejecting a request.
 */
@Embeddable
public class RetiredSecret {

  @Column(name = "secret", nullable = false, length = Webhook.SECRET_LENGTH)
  private String secret;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected RetiredSecret() {}

  public RetiredSecret(String secret, Instant expiresAt) {
    if (secret == null || secret.isEmpty() || secret.length() > Webhook.SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "a secret has 1 to " + Webhook.SECRET_LENGTH + " characters");
    }
    this.secret = secret;
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public String secret() {
    return secret;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetiredSecret r && secret.equals(r.secret) && expiresAt.equals(r.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secret, expiresAt);
  }

  @Override
  public String toString() {
    return "RetiredSecret[until " + expiresAt + "]"; // never the secret
  }
}
