package com.kompaas.webhooks.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.account.boundary.Accounts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KnownAccountsTest {

  private final List<String> lookups = new ArrayList<>();
  private Set<String> existing = Set.of("acc");
  private Instant now = Instant.parse("2026-12-08T10:00:00Z");
  private final KnownAccounts known = new KnownAccounts();

  @BeforeEach
  void wire() {
    known.accounts =
        new Accounts() {
          @Override
          public boolean exists(String accountId) {
            lookups.add(accountId);
            return existing.contains(accountId);
          }
        };
    known.clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now;
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
  }

  @Test
  void aKnownAccountIsRememberedForAMinuteThenLookedUpAgain() {
    assertTrue(known.contains("acc"));
    now = now.plusSeconds(59);
    assertTrue(known.contains("acc"));
    assertEquals(List.of("acc"), lookups, "remembered: no second look-up");

    existing = Set.of(); // deleted meanwhile
    now = now.plus(KnownAccounts.REMEMBER);
    assertFalse(known.contains("acc"), "after a minute the account is looked up again");
    assertEquals(List.of("acc", "acc"), lookups);
  }

  @Test
  void anUnknownAccountIsLookedUpEveryTimeSoANewOneIsAcceptedAtOnce() {
    assertFalse(known.contains("new"));
    existing = Set.of("new");
    assertTrue(known.contains("new"));
    assertEquals(List.of("new", "new"), lookups);
  }
}
