package com.kompaas.webhooks.delivery.entity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The delivery state machine, as one pure function per transition: each takes a delivery's state
 * and returns the next one, or empty when the transition is refused in that state. The entity
 * ({@link Delivery}, for the console and REST) and the plain-JDBC paths (fan-out, the scheduler,
 * the attempt writer) apply these same functions, so no rule is written twice.
 *
 * <pre>
 *              claim                      record: 2xx
 *   PENDING ──────────▶ SENDING ───────────────────────▶ SUCCEEDED
 *     ▲  ▲               │  │  record: failed, a retry left
 *     │  └───────────────┘  └──────────────────────────▶ PENDING
 *     │   defer (gate refused)     record: failed, none left / 410
 *     │                         ───────────────────────▶ FAILED
 *     └── resend (by hand, from anything but SENDING)
 *   abandon (webhook off or deleted): any active state ─▶ FAILED
 * </pre>
 */
public final class DeliveryTransitions {

  /** The states that wait for a sender, which deleting their webhook ends at once. */
  public static final Set<DeliveryStatus> WAITING =
      Set.of(DeliveryStatus.PENDING, DeliveryStatus.QUEUED);

  /** The states a sender may still hand back without an attempt. */
  public static final Set<DeliveryStatus> HELD =
      Set.of(DeliveryStatus.QUEUED, DeliveryStatus.SENDING);

  private DeliveryTransitions() {}

  /**
   * Taken by a sender of this instance until {@code leaseUntil}, under a new token; any active
   * state.
   */
  public static Optional<DeliveryState> claim(DeliveryState s, Instant leaseUntil) {
    if (s.status().isFinal()) {
      return Optional.empty();
    }
    return Optional.of(
        s.with(DeliveryStatus.SENDING, s.token() + 1, Objects.requireNonNull(leaseUntil)));
  }

  /**
   * Handed back unsent (the endpoint's gate refused it) by the holder of {@code token}: pending
   * until then.
   */
  public static Optional<DeliveryState> defer(DeliveryState s, long token, Instant until) {
    if (!HELD.contains(s.status()) || s.token() != token) {
      return Optional.empty();
    }
    return Optional.of(s.with(DeliveryStatus.PENDING, s.token(), Objects.requireNonNull(until)));
  }

  /** Ended unsent: its webhook is switched off or deleted. Any active state. */
  public static Optional<DeliveryState> abandon(DeliveryState s, DeliveryError reason) {
    if (s.status().isFinal()) {
      return Optional.empty();
    }
    return Optional.of(
        new DeliveryState(
            DeliveryStatus.FAILED,
            s.token(),
            null,
            s.attempts(),
            s.manualResend(),
            s.lastAttemptAt(),
            s.lastStatusCode(),
            Objects.requireNonNull(reason)));
  }

  /**
   * Another attempt now, asked for by a person: a new token, so a sender still holding the old one
   * cannot move it on. Refused while a sender holds it.
   */
  public static Optional<DeliveryState> resend(DeliveryState s, Instant now) {
    if (s.status() == DeliveryStatus.SENDING) {
      return Optional.empty();
    }
    return Optional.of(
        new DeliveryState(
            DeliveryStatus.PENDING,
            s.token() + 1,
            Objects.requireNonNull(now),
            s.attempts(),
            true,
            s.lastAttemptAt(),
            s.lastStatusCode(),
            s.lastError()));
  }

  /**
   * What one finished attempt does to its delivery; refused when the sender no longer holds it (not
   * SENDING, or under another token): the attempt is then only logged.
   */
  public static Optional<DeliveryState> record(DeliveryState s, long token, Attempted attempt) {
    if (s.status() != DeliveryStatus.SENDING || s.token() != token) {
      return Optional.empty();
    }
    DeliveryStatus next =
        attempt.delivered()
            ? DeliveryStatus.SUCCEEDED
            : attempt.nextAttemptAt().isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
    return Optional.of(
        new DeliveryState(
            next,
            s.token(),
            next == DeliveryStatus.PENDING ? attempt.nextAttemptAt().get() : null,
            s.attempts() + 1,
            false,
            attempt.at(),
            attempt.statusCode(),
            attempt.delivered() ? null : attempt.error()));
  }

  /**
   * A finished attempt, as the state machine needs it.
   *
   * @param statusCode the response's status; null when none arrived
   * @param error why it failed; null when delivered
   * @param nextAttemptAt when the retry schedule sends it again; empty when delivered, when no
   *     attempt is left, when the webhook does not retry, and after a 410
   */
  public record Attempted(
      boolean delivered,
      Integer statusCode,
      DeliveryError error,
      Instant at,
      Optional<Instant> nextAttemptAt) {

    public Attempted {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
      if (delivered != (error == null)) {
        throw new IllegalArgumentException("an error goes with, and only with, a failure");
      }
    }
  }
}
