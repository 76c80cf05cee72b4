package com.kompaas.webhooks.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private static User admin() {
    return new User("alice", "hash", Role.ACCOUNT_ADMIN, "acc-1", T0);
  }

  @Test
  void freeAttemptsDoNotLock() {
    User user = admin();
    for (int i = 0; i < User.FREE_ATTEMPTS - 1; i++) {
      user.recordFailure(T0);
    }
    assertFalse(user.isLockedAt(T0));
  }

  @Test
  void failuresPastTheFreeAttemptsLockForADoublingTimeUpToTheMaximum() {
    User user = admin();
    for (int i = 0; i < User.FREE_ATTEMPTS; i++) {
      user.recordFailure(T0);
    }
    assertTrue(user.isLockedAt(T0.plusSeconds(29)));
    assertFalse(user.isLockedAt(T0.plusSeconds(30)));
    user.recordFailure(T0);
    assertEquals(T0.plusSeconds(60), user.getLockedUntil());
    user.recordFailure(T0);
    assertEquals(T0.plusSeconds(120), user.getLockedUntil());
    for (int i = 0; i < 40; i++) {
      user.recordFailure(T0);
    }
    assertEquals(T0.plus(User.MAX_LOCK), user.getLockedUntil());
  }

  @Test
  void successResetsTheCountAndRecordsTheTime() {
    User user = admin();
    for (int i = 0; i < User.FREE_ATTEMPTS + 2; i++) {
      user.recordFailure(T0);
    }
    Instant later = T0.plus(Duration.ofHours(1));
    user.recordSuccess(later);
    assertEquals(0, user.getFailedAttempts());
    assertNull(user.getLockedUntil());
    assertEquals(later, user.getLastLoginAt());
  }

  @Test
  void operatorsHaveNoAccountAndEveryoneElseHasOne() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new User("op", "h", Role.PLATFORM_OPERATOR, "acc", T0));
    assertThrows(
        IllegalArgumentException.class, () -> new User("v", "h", Role.ACCOUNT_VIEWER, null, T0));
    assertNull(new User("op", "h", Role.PLATFORM_OPERATOR, null, T0).getAccountId());
  }

  @Test
  void loginsAreRestrictedToSafeCharacters() {
    assertThrows(
        IllegalArgumentException.class, () -> new User("a b", "h", Role.ACCOUNT_ADMIN, "acc", T0));
    assertThrows(
        IllegalArgumentException.class, () -> new User("<x>", "h", Role.ACCOUNT_ADMIN, "acc", T0));
    assertEquals(
        "ops@kompaas.example",
        new User("ops@kompaas.example", "h", Role.ACCOUNT_ADMIN, "acc", T0).getLogin());
  }

  @Test
  void accountIdsFollowTheJmsContract() {
    assertThrows(IllegalArgumentException.class, () -> new Account("a/b", "A", T0));
    assertThrows(IllegalArgumentException.class, () -> new Account("x".repeat(65), "A", T0));
    assertEquals("acc-1:x_y.z", new Account("acc-1:x_y.z", "A", T0).getId());
  }
}
