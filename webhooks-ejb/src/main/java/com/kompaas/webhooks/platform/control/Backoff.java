package com.kompaas.webhooks.platform.control;

import java.time.Duration;
import java.util.Optional;

/**
 * A pause that doubles with each failure, from {@code first} up to {@code max}, and ends with the
 * first success; shared by the threads that try the same thing. Time is passed in (nanoseconds of
 * one monotonic clock), so the rules are tested without waiting.
 */
public final class Backoff {

  private final long firstNanos;
  private final long maxNanos;
  private long pauseNanos;
  private long pauseUntilNanos;
  private long failingSinceNanos;
  private long reportedNanos;

  public Backoff(Duration first, Duration max) {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 < first <= max");
    }
    this.firstNanos = first.toNanos();
    this.maxNanos = max.toNanos();
  }

  /** How long a thread should wait at {@code now} before its next try; 0 when not failing. */
  public synchronized long remainingNanos(long now) {
    return pauseNanos == 0 ? 0 : Math.max(0, pauseUntilNanos - now);
  }

  /**
   * A try failed at {@code now}: the pause doubles (or starts at {@code first}).
   *
   * @return whether this failure started a run of failures (to be logged once, not every time)
   */
  public synchronized boolean failed(long now) {
    boolean first = pauseNanos == 0;
    pauseNanos = first ? firstNanos : Math.min(maxNanos, pauseNanos * 2);
    pauseUntilNanos = now + pauseNanos;
    if (first) {
      failingSinceNanos = now;
      reportedNanos = now;
    }
    return first;
  }

  /**
   * For a run of failures that goes on: whether it is time, at {@code now}, to say so again (once
   * per {@code every}), so that a log shows a failure that lasts and not only its start.
   *
   * @return how long the failures have lasted, or empty when not failing or reported too recently
   */
  public synchronized Optional<Duration> remind(long now, Duration every) {
    if (pauseNanos == 0 || now - reportedNanos < every.toNanos()) {
      return Optional.empty();
    }
    reportedNanos = now;
    return Optional.of(Duration.ofNanos(now - failingSinceNanos));
  }

  /**
   * @return whether this success ended a run of failures
   */
  public synchronized boolean succeeded() {
    boolean ended = pauseNanos != 0;
    pauseNanos = 0;
    pauseUntilNanos = 0;
    return ended;
  }
}
