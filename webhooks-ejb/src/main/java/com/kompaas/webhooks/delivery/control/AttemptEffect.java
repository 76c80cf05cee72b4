package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.delivery.entity.DeliveryError;
import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one attempt makes of its delivery: the columns it changes. Pure, so that the attempt writer
 * can apply it to many deliveries with one batched UPDATE instead of loading and flushing each.
 *
 * @param dueAt the next attempt's time while {@code status} is PENDING; null once it is final
 */
public record AttemptEffect(
    DeliveryStatus status, Instant dueAt, int attempts, Instant lastAttemptAt, Integer lastStatusCode, DeliveryError lastError) {

  public AttemptEffect {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
    if ((status == DeliveryStatus.PENDING) != (dueAt != null)) {
      throw new IllegalArgumentException("a due time goes with, and only with, a pending delivery");
    }
  }

  /**
   * @param attemptsBefore the delivery's attempts before this one
   * @param nextAttemptAt when the schedule resends a failure; empty when none is left, retry is
   *     off or the verdict was final (410), which makes the delivery FAILED
   */
  public static AttemptEffect of(int attemptsBefore, AttemptOutcome outcome, Instant at, Optional<Instant> nextAttemptAt) {
    Integer status = outcome.status() > 0 ? outcome.status() : null;
    if (outcome.delivered()) {
      return new AttemptEffect(DeliveryStatus.SUCCEEDED, null, attemptsBefore + 1, at, status, null);
    }
    DeliveryError error = outcome.error();
    if (outcome.verdict() == AttemptOutcome.Verdict.FAILED && nextAttemptAt.isPresent()) {
      return new AttemptEffect(DeliveryStatus.PENDING, nextAttemptAt.get(), attemptsBefore + 1, at, status, error);
    }
    return new AttemptEffect(DeliveryStatus.FAILED, null, attemptsBefore + 1, at, status, error);
  }
}
