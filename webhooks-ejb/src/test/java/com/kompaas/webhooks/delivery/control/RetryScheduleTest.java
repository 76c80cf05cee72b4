package com.kompaas.webhooks.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryScheduleTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  /** A generator stuck at one value, so the jitter is known. */
  private static RandomGenerator fixed(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        // the schedule draws its jitter from nextDouble only; using this would be a test bug
        throw new UnsupportedOperationException();
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  @Test
  void defaultIsEightResendsAfterTheFirstAttempt() {
    RetrySchedule schedule = RetrySchedule.defaults(fixed(0.5)); // 0.5 means no jitter
    assertEquals(9, schedule.maxAttempts());
    assertEquals(Optional.of(NOW), schedule.nextAttemptAt(0, NOW));
    List<Duration> expected =
        List.of(
            Duration.ZERO,
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));
    for (int attempts = 1; attempts <= 8; attempts++) {
      assertEquals(
          Optional.of(NOW.plus(expected.get(attempts - 1))),
          schedule.nextAttemptAt(attempts, NOW),
          "after attempt " + attempts);
    }
    assertEquals(Optional.empty(), schedule.nextAttemptAt(9, NOW));
  }

  @Test
  void jitterStaysWithinTwentyPercent() {
    assertEquals(
        Optional.of(NOW.plus(Duration.ofMinutes(24))),
        RetrySchedule.defaults(fixed(0.0)).nextAttemptAt(4, NOW));
    Instant high = RetrySchedule.defaults(fixed(0.999999)).nextAttemptAt(4, NOW).orElseThrow();
    assertTrue(!high.isAfter(NOW.plus(Duration.ofMinutes(36))));
    assertTrue(high.isAfter(NOW.plus(Duration.ofMinutes(35))));
    assertEquals(Optional.of(NOW), RetrySchedule.defaults(fixed(0.0)).nextAttemptAt(1, NOW));
  }

  @Test
  void parsesConfiguredSchedules() {
    RetrySchedule s = RetrySchedule.parse(" 500ms, 10S ,1d ", fixed(0.5));
    assertEquals(
        List.of(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofDays(1)), s.delays());
    assertEquals(1, RetrySchedule.parse("", fixed(0.5)).maxAttempts());
    assertEquals(Optional.empty(), RetrySchedule.none().nextAttemptAt(1, NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "5x", "-5s", "5s,,5s", "8d", "1s;2s"})
  void rejectsBadSchedules(String spec) {
    var e =
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse(spec, fixed(0.5)));
    assertTrue(e.getMessage().contains("retry") || e.getMessage().contains("wait"), e.getMessage());
  }

  @Test
  void retryAfterDelaysButNeverHastensAndIsBounded() {
    RetrySchedule s = RetrySchedule.defaults(fixed(0.5));
    assertEquals(
        Optional.of(NOW.plusSeconds(120)),
        s.nextAttemptAt(2, NOW, Optional.of(Duration.ofSeconds(120))));
    assertEquals(
        Optional.of(NOW.plusSeconds(5)),
        s.nextAttemptAt(2, NOW, Optional.of(Duration.ofSeconds(2))));
    assertEquals(
        Optional.of(NOW.plusSeconds(1)), s.nextAttemptAt(1, NOW, Optional.of(Duration.ZERO)));
    assertEquals(
        Optional.of(NOW.plus(Duration.ofHours(24))),
        s.nextAttemptAt(1, NOW, Optional.of(Duration.ofDays(30))));
    assertEquals(Optional.empty(), s.nextAttemptAt(9, NOW, Optional.of(Duration.ofSeconds(1))));
  }

  @Test
  void readsRetryAfterSecondsAndDates() {
    assertEquals(Optional.of(Duration.ofSeconds(30)), RetrySchedule.parseRetryAfter(" 30 ", NOW));
    assertEquals(
        Optional.of(Duration.ofSeconds(90)),
        RetrySchedule.parseRetryAfter("Sun, 01 Mar 2026 10:01:30 GMT", NOW));
    assertEquals(
        Optional.of(Duration.ZERO),
        RetrySchedule.parseRetryAfter("Sun, 01 Mar 2026 09:00:00 GMT", NOW));
    assertEquals(
        Optional.of(RetrySchedule.MAX_RETRY_AFTER),
        RetrySchedule.parseRetryAfter("99999999999999", NOW));
    assertEquals(Optional.empty(), RetrySchedule.parseRetryAfter("soon", NOW));
    assertEquals(Optional.empty(), RetrySchedule.parseRetryAfter("-5", NOW));
    assertEquals(Optional.empty(), RetrySchedule.parseRetryAfter(null, NOW));
  }
}
