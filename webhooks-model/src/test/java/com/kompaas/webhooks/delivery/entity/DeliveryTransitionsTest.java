package com.kompaas.webhooks.delivery.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.delivery.entity.DeliveryTransitions.Attempted;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeliveryTransitionsTest {

  private static final Instant AT = Instant.parse("2026-11-29T04:00:00Z");
  private static final Instant NEXT = AT.plusSeconds(60);
  private static final Instant LEASE = AT.plusSeconds(30);

  private static DeliveryState in(DeliveryStatus status, int attempts) {
    return new DeliveryState(
        status, 7, status.isFinal() ? null : AT, attempts, false, null, null, null);
  }

  private static DeliveryState sending(int attempts) {
    return in(DeliveryStatus.SENDING, attempts);
  }

  private static final Attempted OK = new Attempted(true, 204, null, AT, Optional.of(NEXT));
  private static final Attempted SERVER_ERROR =
      new Attempted(false, 503, DeliveryError.HTTP_STATUS, AT, Optional.of(NEXT));
  private static final Attempted REFUSED_LAST =
      new Attempted(false, null, DeliveryError.CONNECTION_REFUSED, AT, Optional.empty());

  @Test
  void aSuccessEndsTheDeliveryAndClearsTheError() {
    var failedBefore =
        new DeliveryState(
            DeliveryStatus.SENDING, 7, LEASE, 2, true, AT, 503, DeliveryError.HTTP_STATUS);
    assertEquals(
        Optional.of(new DeliveryState(DeliveryStatus.SUCCEEDED, 7, null, 3, false, AT, 204, null)),
        DeliveryTransitions.record(failedBefore, 7, OK),
        "a success ignores any next time, and the next attempt is not a manual one");
  }

  @Test
  void aFailureWithAnAttemptLeftIsPendingUntilThen() {
    assertEquals(
        Optional.of(
            new DeliveryState(
                DeliveryStatus.PENDING, 7, NEXT, 1, false, AT, 503, DeliveryError.HTTP_STATUS)),
        DeliveryTransitions.record(sending(0), 7, SERVER_ERROR));
  }

  @Test
  void aFailureWithNoneLeftIsFinalAndAMissingResponseHasNoStatus() {
    assertEquals(
        Optional.of(
            new DeliveryState(
                DeliveryStatus.FAILED,
                7,
                null,
                9,
                false,
                AT,
                null,
                DeliveryError.CONNECTION_REFUSED)),
        DeliveryTransitions.record(sending(8), 7, REFUSED_LAST));
  }

  @Test
  void anAttemptMovesItsDeliveryOnlyUnderItsTokenWhileSending() {
    assertTrue(
        DeliveryTransitions.record(sending(0), 8, OK).isEmpty(), "another token: only logged");
    for (DeliveryStatus other : EnumSet.complementOf(EnumSet.of(DeliveryStatus.SENDING))) {
      assertTrue(
          DeliveryTransitions.record(in(other, 0), 7, OK).isEmpty(), other + ": only logged");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = DeliveryStatus.class,
      names = {"PENDING", "QUEUED", "SENDING"})
  void aClaimTakesAnyActiveDeliveryUnderANewTokenUntilTheLeaseEnds(DeliveryStatus from) {
    DeliveryState claimed = DeliveryTransitions.claim(in(from, 2), LEASE).orElseThrow();
    assertEquals(
        new DeliveryState(DeliveryStatus.SENDING, 8, LEASE, 2, false, null, null, null), claimed);
  }

  @ParameterizedTest
  @EnumSource(
      value = DeliveryStatus.class,
      names = {"SUCCEEDED", "FAILED"})
  void nothingButAResendReopensAFinalDelivery(DeliveryStatus from) {
    assertTrue(DeliveryTransitions.claim(in(from, 1), LEASE).isEmpty());
    assertTrue(DeliveryTransitions.defer(in(from, 1), 7, NEXT).isEmpty());
    assertTrue(DeliveryTransitions.abandon(in(from, 1), DeliveryError.WEBHOOK_DISABLED).isEmpty());
    assertEquals(
        DeliveryStatus.PENDING, DeliveryTransitions.resend(in(from, 1), AT).orElseThrow().status());
  }

  @Test
  void onlyTheTokensHolderDefersAndOnlyWhileItHoldsIt() {
    assertEquals(
        Optional.of(new DeliveryState(DeliveryStatus.PENDING, 7, NEXT, 1, false, null, null, null)),
        DeliveryTransitions.defer(sending(1), 7, NEXT));
    assertEquals(
        DeliveryStatus.PENDING,
        DeliveryTransitions.defer(in(DeliveryStatus.QUEUED, 0), 7, NEXT).orElseThrow().status());
    assertTrue(DeliveryTransitions.defer(sending(1), 6, NEXT).isEmpty(), "an old token");
    assertTrue(
        DeliveryTransitions.defer(in(DeliveryStatus.PENDING, 1), 7, NEXT).isEmpty(), "not held");
  }

  @Test
  void aResendIsAManualAttemptUnderANewTokenAndKeepsTheHistory() {
    var failed =
        new DeliveryState(
            DeliveryStatus.FAILED, 7, null, 9, false, AT, 503, DeliveryError.HTTP_STATUS);
    assertEquals(
        Optional.of(
            new DeliveryState(
                DeliveryStatus.PENDING, 8, NEXT, 9, true, AT, 503, DeliveryError.HTTP_STATUS)),
        DeliveryTransitions.resend(failed, NEXT));
    assertTrue(
        DeliveryTransitions.resend(sending(1), NEXT).isEmpty(), "refused while a sender holds it");
  }

  @Test
  void abandoningEndsAnActiveDeliveryUnsentWithItsReason() {
    DeliveryState ended =
        DeliveryTransitions.abandon(in(DeliveryStatus.PENDING, 3), DeliveryError.WEBHOOK_DELETED)
            .orElseThrow();
    assertEquals(
        new DeliveryState(
            DeliveryStatus.FAILED, 7, null, 3, false, null, null, DeliveryError.WEBHOOK_DELETED),
        ended);
    assertFalse(DeliveryError.WEBHOOK_DELETED.ofAnAttempt());
  }

  @Test
  void everyStateATransitionReturnsHasADueTimeExactlyWhileActive() {
    for (DeliveryStatus from : DeliveryStatus.values()) {
      for (Optional<DeliveryState> next :
          java.util.List.of(
              DeliveryTransitions.claim(in(from, 1), LEASE),
              DeliveryTransitions.defer(in(from, 1), 7, NEXT),
              DeliveryTransitions.abandon(in(from, 1), DeliveryError.WEBHOOK_DISABLED),
              DeliveryTransitions.resend(in(from, 1), AT),
              DeliveryTransitions.record(in(from, 1), 7, OK),
              DeliveryTransitions.record(in(from, 1), 7, SERVER_ERROR),
              DeliveryTransitions.record(in(from, 1), 7, REFUSED_LAST))) {
        next.ifPresent(
            s -> assertEquals(!s.status().isFinal(), s.dueAt() != null, from + " → " + s));
      }
    }
  }

  @Test
  void aFailedAttemptNamesItsErrorAndADeliveredOneNone() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Attempted(true, 200, DeliveryError.OTHER, AT, Optional.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Attempted(false, 500, null, AT, Optional.empty()));
  }
}
