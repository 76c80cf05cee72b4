package com.kompaas.webhooks.delivery.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a failed delivery is sent again. The first attempt is made as soon as the delivery exists
 * and is not part of the schedule; each entry is the wait before one resend, counted from the
 * failure of the attempt before it. The default {@code 0s,5s,5m,30m,2h,5h,10h,10h} therefore means
 * up to 8 resends, 9 attempts in all, spread over about 28 hours. (Svix publishes the same list
 * with "immediately" standing for the first attempt, 8 in all; we resend once immediately because a
 * lone connection reset is the commonest failure.)
 *
 * <p>Each wait is spread by ±20 % jitter so that endpoints which failed together are not retried in
 * lockstep. A {@code Retry-After} from a 429 or 503 can only push an attempt later, and is held
 * between {@link #MIN_RETRY_AFTER} and {@link #MAX_RETRY_AFTER} so that neither a zero nor a
 * month-long value from a receiver breaks the schedule; it never adds attempts.
 */
public final class RetrySchedule {

  public static final String DEFAULT_SPEC = "0s,5s,5m,30m,2h,5h,10h,10h";
  public static final double DEFAULT_JITTER = 0.2;
  public static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);
  public static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

  /** Longest single wait and most resends a configuration may ask for. */
  public static final Duration MAX_DELAY = Duration.ofDays(7);

  public static final int MAX_RESENDS = 50;

  private static final Pattern STEP = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private final List<Duration> delays;
  private final double jitter;
  private final RandomGenerator random;

  public RetrySchedule(List<Duration> delays, double jitter, RandomGenerator random) {
    if (delays.size() > MAX_RESENDS) {
      throw new IllegalArgumentException(
          "at most " + MAX_RESENDS + " resends, not " + delays.size());
    }
    for (Duration d : delays) {
      if (d.isNegative() || d.compareTo(MAX_DELAY) > 0) {
        throw new IllegalArgumentException("a retry wait is between 0 and 7 days, not " + d);
      }
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("jitter is a fraction from 0 up to 1, not " + jitter);
    }
    this.delays = List.copyOf(delays);
    this.jitter = jitter;
    this.random = random;
  }

  public static RetrySchedule defaults(RandomGenerator random) {
    return parse(DEFAULT_SPEC, random);
  }

  /** A schedule with no resends: the single attempt of a webhook with "Retry if error" off. */
  public static RetrySchedule none() {
    return new RetrySchedule(List.of(), 0, RandomGenerator.getDefault());
  }

  /**
   * Reads a comma-separated list of waits such as {@code 0s,5s,5m,30m,2h,5h,10h,10h}; units are ms,
   * s, m, h and d. An empty string means no resends.
   */
  public static RetrySchedule parse(String spec, RandomGenerator random) {
    List<Duration> delays = new ArrayList<>();
    String trimmed = spec == null ? "" : spec.strip();
    if (!trimmed.isEmpty()) {
      for (String part : trimmed.split(",", -1)) {
        delays.add(step(part.strip().toLowerCase(Locale.ROOT), spec));
      }
    }
    return new RetrySchedule(delays, DEFAULT_JITTER, random);
  }

  /**
   * One wait in the schedule's notation ({@code 500ms}, {@code 5s}, {@code 5m}, {@code 2h}, {@code
   * 1d}).
   */
  public static Duration duration(String text) {
    return step(text.strip().toLowerCase(Locale.ROOT), text);
  }

  private static Duration step(String part, String spec) {
    Matcher m = STEP.matcher(part);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "retry schedule '" + spec + "': '" + part + "' is not a wait like 30s, 5m, 2h or 1d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  public List<Duration> delays() {
    return delays;
  }

  /** Attempts in all, the first one included. */
  public int maxAttempts() {
    return delays.size() + 1;
  }

  /**
   * When to make the next attempt after {@code attemptsSoFar} attempts, all failed; empty when the
   * schedule is exhausted and the delivery is to be marked failed. Zero attempts means now.
   */
  public Optional<Instant> nextAttemptAt(int attemptsSoFar, Instant now) {
    return nextAttemptAt(attemptsSoFar, now, Optional.empty());
  }

  /** As above, but never earlier than a receiver's {@code Retry-After}, held within bounds. */
  public Optional<Instant> nextAttemptAt(
      int attemptsSoFar, Instant now, Optional<Duration> retryAfter) {
    if (attemptsSoFar < 0) {
      throw new IllegalArgumentException("attempts cannot be negative");
    }
    if (attemptsSoFar == 0) {
      return Optional.of(now);
    }
    if (attemptsSoFar > delays.size()) {
      return Optional.empty();
    }
    Duration wait = jittered(delays.get(attemptsSoFar - 1));
    if (retryAfter.isPresent()) {
      Duration asked = clamp(retryAfter.get());
      if (asked.compareTo(wait) > 0) {
        wait = asked;
      }
    }
    return Optional.of(now.plus(wait));
  }

  private Duration jittered(Duration delay) {
    if (jitter == 0 || delay.isZero()) {
      return delay;
    }
    double factor = 1 + jitter * (2 * random.nextDouble() - 1);
    return Duration.ofMillis(Math.round(delay.toMillis() * factor));
  }

  static Duration clamp(Duration d) {
    if (d.compareTo(MIN_RETRY_AFTER) < 0) {
      return MIN_RETRY_AFTER;
    }
    return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
  }

  /**
   * Reads a {@code Retry-After} value: delta-seconds or an IMF-fixdate such as {@code Wed, 21 Oct
   * 2015 07:28:00 GMT}. A date in the past gives zero; anything unreadable gives empty, and the
   * plain schedule applies.
   */
  public static Optional<Duration> parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.chars().allMatch(Character::isDigit)) {
      if (v.length() > 9) {
        return Optional.of(MAX_RETRY_AFTER);
      }
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "RetrySchedule" + delays + " ±" + Math.round(jitter * 100) + "%";
  }
}
