package com.kompaas.webhooks.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final long S = 1_000_000_000L;

  @Test
  void nothingToWaitForUntilSomethingFails() {
    var backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
    assertEquals(0, backoff.remainingNanos(123));
    assertFalse(backoff.succeeded(), "no run of failures to end");
  }

  @Test
  void eachFailureDoublesThePauseUpToTheMaximumAndOnlyTheFirstStartsARun() {
    var backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
    assertTrue(backoff.failed(0));
    assertEquals(S / 2, backoff.remainingNanos(0));
    assertEquals(S / 4, backoff.remainingNanos(S / 4), "the pause runs from the failure");
    assertFalse(backoff.failed(S));
    assertEquals(S, backoff.remainingNanos(S));
    backoff.failed(2 * S);
    backoff.failed(3 * S);
    assertEquals(4 * S, backoff.remainingNanos(3 * S));
    backoff.failed(4 * S);
    assertEquals(5 * S, backoff.remainingNanos(4 * S), "capped");
    assertEquals(0, backoff.remainingNanos(100 * S), "over once its time has passed");
  }

  @Test
  void aSuccessEndsTheRunAndTheNextFailureStartsSmallAgain() {
    var backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
    backoff.failed(0);
    backoff.failed(0);
    assertTrue(backoff.succeeded());
    assertEquals(0, backoff.remainingNanos(0));
    assertTrue(backoff.failed(10 * S));
    assertEquals(S / 2, backoff.remainingNanos(10 * S));
  }

  @Test
  void aRunThatGoesOnIsRemindedOfOncePerIntervalWithHowLongItHasLasted() {
    var backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
    var minute = Duration.ofMinutes(1);
    assertEquals(Optional.empty(), backoff.remind(100 * S, minute), "not failing");
    backoff.failed(10 * S);
    assertEquals(Optional.empty(), backoff.remind(69 * S, minute), "the start was just reported");
    assertEquals(Optional.of(Duration.ofSeconds(60)), backoff.remind(70 * S, minute));
    backoff.failed(75 * S);
    assertEquals(Optional.empty(), backoff.remind(100 * S, minute), "reported at 70 s");
    assertEquals(
        Optional.of(Duration.ofSeconds(125)),
        backoff.remind(135 * S, minute),
        "since the run's start");
    backoff.succeeded();
    assertEquals(Optional.empty(), backoff.remind(500 * S, minute), "over");
    backoff.failed(600 * S);
    assertEquals(
        Optional.of(Duration.ofSeconds(60)),
        backoff.remind(660 * S, minute),
        "a new run counts from its start");
  }

  @Test
  void aMaximumBelowTheFirstPauseIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
  }
}
