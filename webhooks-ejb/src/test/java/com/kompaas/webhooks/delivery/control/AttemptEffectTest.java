package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.delivery.entity.DeliveryError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptEffectTest {

  private static final Instant AT = Instant.parse("2026-11-29T04:00:00Z");
  private static final Instant NEXT = AT.plusSeconds(60);

  private static final AttemptOutcome OK = new AttemptOutcome(AttemptOutcome.Verdict.DELIVERED, null, 204, null, null);
  private static final AttemptOutcome SERVER_ERROR =
      new AttemptOutcome(AttemptOutcome.Verdict.FAILED, DeliveryError.HTTP_STATUS, 503, Duration.ofSeconds(5), null);
  private static final AttemptOutcome REFUSED =
      new AttemptOutcome(AttemptOutcome.Verdict.FAILED, DeliveryError.CONNECTION_REFUSED, 0, null, "refused");
  private static final AttemptOutcome GONE = new AttemptOutcome(AttemptOutcome.Verdict.GONE, DeliveryError.HTTP_STATUS, 410, null, null);

  @Test
  void aSuccessEndsTheDeliveryAndClearsTheError() {
    assertEquals(new AttemptEffect(DeliveryStatus.SUCCEEDED, null, 3, AT, 204, null),
        AttemptEffect.of(2, OK, AT, Optional.of(NEXT)), "a success ignores any next time");
  }

  @Test
  void aFailureWithAnAttemptLeftIsPendingUntilThen() {
    assertEquals(new AttemptEffect(DeliveryStatus.PENDING, NEXT, 1, AT, 503, DeliveryError.HTTP_STATUS),
        AttemptEffect.of(0, SERVER_ERROR, AT, Optional.of(NEXT)));
  }

  @Test
  void aFailureWithNoneLeftIsFinalAndAMissingResponseHasNoStatus() {
    assertEquals(new AttemptEffect(DeliveryStatus.FAILED, null, 9, AT, null, DeliveryError.CONNECTION_REFUSED),
        AttemptEffect.of(8, REFUSED, AT, Optional.empty()));
  }

  @Test
  void goneIsFinalEvenWhenTheScheduleWouldResend() {
    assertEquals(new AttemptEffect(DeliveryStatus.FAILED, null, 1, AT, 410, DeliveryError.HTTP_STATUS),
        AttemptEffect.of(0, GONE, AT, Optional.of(NEXT)));
  }

  @Test
  void aDueTimeGoesOnlyWithPending() {
    assertThrows(IllegalArgumentException.class, () -> new AttemptEffect(DeliveryStatus.FAILED, NEXT, 1, AT, null, DeliveryError.OTHER));
    assertThrows(IllegalArgumentException.class, () -> new AttemptEffect(DeliveryStatus.PENDING, null, 1, AT, null, DeliveryError.OTHER));
  }
}
