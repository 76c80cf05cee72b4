package com.kompaas.webhooks.subscription.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kompaas.webhooks.event.entity.Event;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventValuesTest {

  @Test
  void addsTheCommonParametersToTheEventData() {
    Event event =
        new Event(
            "acc-42",
            "evt-1",
            "call.incoming.start",
            Instant.parse("2025-11-28T10:15:30Z"),
            Instant.parse("2025-11-28T10:15:31Z"),
            "{\"did\":\"74951234567\",\"callId\":\"c-1\",\"accountId\":\"forged\"}");

    assertEquals(
        "{\"did\":\"74951234567\",\"callId\":\"c-1\",\"accountId\":\"acc-42\",\"eventId\":\"evt-1\","
            + "\"eventType\":\"call.incoming.start\",\"timestamp\":1764324930,"
            + "\"occurredAt\":\"2025-11-28T10:15:30Z\"}",
        EventValues.of(event).toString());
  }
}
