package com.kompaas.webhooks.platform.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiParametersTest {

  @Test
  void aConstantIsReadInAnyCaseWithWhiteSpaceAroundIt() {
    assertEquals(
        Optional.of(DeliveryStatus.FAILED),
        ApiParameters.anyCase(DeliveryStatus.class, " failed "));
    assertEquals(Optional.empty(), ApiParameters.anyCase(DeliveryStatus.class, "fail"));
  }

  @Test
  void aWrongValueIsAnsweredWithTheValuesThereAreAndItselfShortened() {
    assertEquals(
        "must be one of PENDING, QUEUED, SENDING, SUCCEEDED, FAILED (in any case), not 'done'",
        ApiParameters.notOneOf(DeliveryStatus.class, "done"));
    assertEquals(
        "must be one of PENDING, QUEUED, SENDING, SUCCEEDED, FAILED (in any case), not '"
            + "x".repeat(40)
            + "…'",
        ApiParameters.notOneOf(DeliveryStatus.class, "x".repeat(41)));
  }
}
