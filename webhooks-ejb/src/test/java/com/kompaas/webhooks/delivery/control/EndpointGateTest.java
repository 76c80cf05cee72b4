package com.kompaas.webhooks.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointGateTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private final EndpointGate gate =
      new EndpointGate(
          new EndpointGate.Limits(
              2, Duration.ZERO, 3, Duration.ofSeconds(10), Duration.ofMinutes(5)));

  @Test
  void capsRequestsInFlightPerEndpointOnly() throws Exception {
    assertTrue(gate.tryEnter(1, T0).isEmpty());
    assertTrue(gate.tryEnter(1, T0).isEmpty());
    Optional<Instant> third = gate.tryEnter(1, T0);
    assertTrue(third.isPresent(), "third request to the same endpoint waits");
    assertTrue(gate.tryEnter(2, T0).isEmpty(), "another endpoint is not affected");
    gate.leave(1, true, T0);
    assertTrue(gate.tryEnter(1, T0).isEmpty(), "a freed place is reused");
  }

  @Test
  void opensAfterConsecutiveFailuresAndProbesAfterCooldown() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertTrue(gate.tryEnter(7, T0).isEmpty());
      gate.leave(7, false, T0);
    }
    assertTrue(gate.open(7, T0));
    assertEquals(Optional.of(T0.plusSeconds(10)), gate.tryEnter(7, T0.plusSeconds(1)));

    Instant later = T0.plusSeconds(11);
    assertTrue(gate.tryEnter(7, later).isEmpty(), "one probe after the cool-down");
    assertTrue(gate.tryEnter(7, later).isPresent(), "only one probe at a time");
    gate.leave(7, false, later);
    assertEquals(Optional.of(later.plusSeconds(20)), gate.tryEnter(7, later), "cool-down doubles");

    Instant muchLater = later.plusSeconds(21);
    assertTrue(gate.tryEnter(7, muchLater).isEmpty());
    gate.leave(7, true, muchLater);
    assertFalse(gate.open(7, muchLater));
    assertFalse(gate.failing(7));
    assertTrue(gate.tryEnter(7, muchLater).isEmpty(), "closed again after a successful probe");
  }

  @Test
  void successResetsTheFailureCount() throws Exception {
    for (int i = 0; i < 2; i++) {
      gate.tryEnter(3, T0);
      gate.leave(3, false, T0);
    }
    assertTrue(gate.failing(3));
    gate.tryEnter(3, T0);
    gate.leave(3, true, T0);
    gate.tryEnter(3, T0);
    gate.leave(3, false, T0);
    assertFalse(gate.open(3, T0), "failures must be consecutive");
  }

  @Test
  void deliveriesRefusedAtAHangingEndpointComeBackSpreadOutNotAllAtOnce() throws Exception {
    assertTrue(gate.tryEnter(4, T0).isEmpty());
    assertTrue(gate.tryEnter(4, T0).isEmpty());
    // both requests have hung for 10 s: a place frees about every 10 s / 2
    Instant now = T0.plusSeconds(10);
    Instant previous = now;
    for (int i = 1; i <= 5; i++) {
      Instant back = gate.tryEnter(4, now).orElseThrow();
      assertEquals(now.plus(EndpointGate.FULL_BACKOFF).plusSeconds(5L * i), back, "refusal " + i);
      assertTrue(back.isAfter(previous));
      previous = back;
    }
    for (int i = 0; i < 200; i++) {
      gate.tryEnter(4, now);
    }
    assertEquals(
        now.plus(Duration.ofMinutes(5)),
        gate.tryEnter(4, now).orElseThrow(),
        "never beyond the longest cool-down");
  }

  @Test
  void aFastEndpointAtItsCapSendsItsRefusedDeliveriesBackSoon() throws Exception {
    for (int i = 0; i < 10; i++) {
      gate.tryEnter(5, T0);
      gate.leave(5, true, T0.plusMillis(20)); // requests take 20 ms there
    }
    gate.tryEnter(5, T0);
    gate.tryEnter(5, T0);
    Instant back = gate.tryEnter(5, T0).orElseThrow();
    assertTrue(
        back.isBefore(T0.plus(EndpointGate.FULL_BACKOFF).plusMillis(50)),
        "about the minimum wait: " + back);
  }
}
