package com.kompaas.webhooks.account.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final String STRANGER = "203.0.113.7";
  private static final String OWNER = "198.51.100.20";

  private final SignInThrottle throttle = new SignInThrottle();

  private void fail(String client, String login, int times, Instant at) {
    for (int i = 0; i < times; i++) {
      assertTrue(throttle.admits(client, login, at), "attempt " + (i + 1) + " admitted");
      throttle.failed(client, login, at);
    }
  }

  @Test
  void aStrangersFailuresLockOnlyTheStrangersAddressForThatLogin() {
    fail(STRANGER, "operator", SignInThrottle.FREE_ATTEMPTS, T0);
    assertFalse(throttle.admits(STRANGER, "operator", T0));
    assertFalse(throttle.admits(STRANGER, "operator", T0.plusSeconds(29)));
    assertTrue(
        throttle.admits(STRANGER, "operator", T0.plusSeconds(30)), "the first lock lasts 30 s");
    assertTrue(
        throttle.admits(OWNER, "operator", T0), "the real user from elsewhere is not locked");
  }

  @Test
  void eachFurtherFailureDoublesThePairsLockUpToFifteenMinutes() {
    fail(STRANGER, "operator", SignInThrottle.FREE_ATTEMPTS, T0);
    Instant t = T0.plusSeconds(30);
    throttle.failed(STRANGER, "operator", t);
    assertFalse(throttle.admits(STRANGER, "operator", t.plusSeconds(59)));
    assertTrue(throttle.admits(STRANGER, "operator", t.plusSeconds(60)));
    for (int i = 0; i < 30; i++) {
      throttle.failed(STRANGER, "operator", t);
    }
    assertFalse(
        throttle.admits(STRANGER, "operator", t.plus(SignInThrottle.MAX_LOCK).minusSeconds(1)));
  }

  @Test
  void oneClientSprayingManyLoginsIsThrottledAfterItsBurstAndRefillsSlowly() {
    for (int i = 0; i < SignInThrottle.CLIENT_BURST; i++) {
      fail(STRANGER, "user-" + i, 1, T0);
    }
    assertFalse(throttle.admits(STRANGER, "someone-else", T0), "the bucket is empty");
    assertFalse(
        throttle.admits(
            STRANGER, "someone-else", T0.plus(SignInThrottle.CLIENT_REFILL).minusSeconds(1)));
    assertTrue(
        throttle.admits(STRANGER, "someone-else", T0.plus(SignInThrottle.CLIENT_REFILL)),
        "one more per refill");
    throttle.failed(STRANGER, "someone-else", T0.plus(SignInThrottle.CLIENT_REFILL));
    assertFalse(throttle.admits(STRANGER, "another", T0.plus(SignInThrottle.CLIENT_REFILL)));
    assertTrue(throttle.admits(OWNER, "user-1", T0), "other clients are not throttled");
  }

  @Test
  void aSuccessResetsThePair() {
    fail(OWNER, "operator", SignInThrottle.FREE_ATTEMPTS - 1, T0);
    throttle.succeeded(OWNER, "operator");
    fail(OWNER, "operator", SignInThrottle.FREE_ATTEMPTS - 1, T0.plus(Duration.ofMinutes(1)));
    assertTrue(throttle.admits(OWNER, "operator", T0.plus(Duration.ofMinutes(1))));
  }
}
