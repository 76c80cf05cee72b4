package com.kompaas.webhooks.delivery.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * The columns of a delivery that its transitions ({@link DeliveryTransitions}) read and write: the
 * same values whether they come from the entity (the console's path) or from a row read in plain
 * JDBC (the senders' and the scheduler's). Immutable.
 *
 * @param token the dispatch token: only its holder may move an active delivery on
 * @param dueAt the next attempt while PENDING, the lease's end while QUEUED or SENDING, null once
 *     final
 * @param manualResend whether the next attempt is one a person asked for
 */
public record DeliveryState(
    DeliveryStatus status,
    long token,
    Instant dueAt,
    int attempts,
    boolean manualResend,
    Instant lastAttemptAt,
    Integer lastStatusCode,
    DeliveryError lastError) {

  public DeliveryState {
    Objects.requireNonNull(status, "status");
  }

  /**
   * A delivery as fan-out creates it: claimed by its sender under {@code token} until the lease's
   * end.
   */
  public static DeliveryState claimedAtCreation(long token, Instant leaseUntil) {
    return new DeliveryState(DeliveryStatus.SENDING, token, leaseUntil, 0, false, null, null, null);
  }

  DeliveryState with(DeliveryStatus status, long token, Instant dueAt) {
    return new DeliveryState(
        status, token, dueAt, attempts, manualResend, lastAttemptAt, lastStatusCode, lastError);
  }
}
