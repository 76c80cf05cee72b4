package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.delivery.entity.DeliveryError;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one attempt means for its delivery. {@code error} is null only for {@link
 * Verdict#DELIVERED}; {@code status} is 0 when no response arrived.
 */
public record AttemptOutcome(
    Verdict verdict, DeliveryError error, int status, Duration retryAfter, String detail) {

  public enum Verdict {
    /** A 2xx arrived: the delivery is done. */
    DELIVERED,
    /** Anything else: resend on the schedule if the webhook retries. */
    FAILED,
    /** 410 Gone: the receiver asked us to stop; disable the webhook and do not resend. */
    GONE
  }

  public AttemptOutcome {
    Objects.requireNonNull(verdict, "verdict");
    if ((verdict == Verdict.DELIVERED) != (error == null)) {
      throw new IllegalArgumentException("an error goes with, and only with, a failure");
    }
  }

  public boolean delivered() {
    return verdict == Verdict.DELIVERED;
  }

  /** The receiver's requested wait, already parsed; present only for 429 and 503. */
  public Optional<Duration> retryAfterHint() {
    return Optional.ofNullable(retryAfter);
  }
}
