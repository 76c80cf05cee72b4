package com.kompaas.webhooks.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Polls a condition instead of sleeping a fixed time (Awaitility, in the test's own thread, so a
 * condition may use what the thread holds: a browser, a transaction, a security context); fails
 * with the condition's name when it never holds.
 */
public final class Await {

  static final Duration POLL = Duration.ofMillis(50);

  private Await() {}

  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(what, timeout, POLL, condition);
  }

  /**
   * @param poll how long between two looks, for a condition that costs a request
   */
  public static void until(
      String what, Duration timeout, Duration poll, BooleanSupplier condition) {
    try {
      Awaitility.await(what)
          .atMost(timeout)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(poll)
          .until(condition::getAsBoolean);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("timed out after " + timeout + " waiting for " + what, e);
    }
  }

  /**
   * Checks that a condition holds, and keeps holding, for all of {@code period}: for what must not
   * happen (a second request, say), which no event announces.
   */
  public static void holds(String what, Duration period, BooleanSupplier condition) {
    try {
      Awaitility.await(what)
          .during(period)
          .atMost(period.plusSeconds(5))
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL.multipliedBy(4))
          .until(condition::getAsBoolean);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("did not hold for " + period + ": " + what, e);
    }
  }
}
