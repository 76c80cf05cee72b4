package com.kompaas.webhooks.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EventParserTest {

  private final EventParser parser = new EventParser();

  @Test
  void acceptsContractMessage() {
    IncomingEvent event =
        parser.parse(
            """
            {"id":"ev-1","type":"call.incoming.start","accountId":"acc-42",
             "occurredAt":"2026-11-28T10:15:30+03:00","data":{"did":"74951234567","n":5}}
            """);
    assertEquals("ev-1", event.id());
    assertEquals("call.incoming.start", event.type());
    assertEquals("acc-42", event.accountId());
    assertEquals(Instant.parse("2026-11-28T07:15:30Z"), event.occurredAt());
    assertEquals("{\"did\":\"74951234567\",\"n\":5}", event.data());
  }

  @Test
  void acceptsNumericIds() {
    IncomingEvent event =
        parser.parse(
            "{\"id\":123,\"type\":\"sms.incoming\",\"accountId\":77,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}}");
    assertEquals("123", event.id());
    assertEquals("77", event.accountId());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json            | {oops                                                                                   | malformed JSON",
        "array               | []                                                                                      | not an object",
        "missing id          | {\"type\":\"a.b\",\"accountId\":\"1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}} | id is missing",
        "empty id            | {\"id\":\" \",\"type\":\"a.b\",\"accountId\":\"1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}} | id is empty",
        "object id           | {\"id\":{},\"type\":\"a.b\",\"accountId\":\"1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}} | id must be a string",
        "bad type            | {\"id\":\"1\",\"type\":\"Call Start\",\"accountId\":\"1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}} | not an event type code",
        "missing account     | {\"id\":\"1\",\"type\":\"a.b\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}} | accountId is missing",
        "account chars       | {\"id\":\"1\",\"type\":\"a.b\",\"accountId\":\"a b\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}} | accountId has characters",
        "bad time            | {\"id\":\"1\",\"type\":\"a.b\",\"accountId\":\"1\",\"occurredAt\":\"yesterday\",\"data\":{}} | not an ISO-8601",
        "time without offset | {\"id\":\"1\",\"type\":\"a.b\",\"accountId\":\"1\",\"occurredAt\":\"2026-01-01T00:00:00\",\"data\":{}} | not an ISO-8601",
        "data not object     | {\"id\":\"1\",\"type\":\"a.b\",\"accountId\":\"1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":[1]} | data is missing or not a JSON object",
        "missing data        | {\"id\":\"1\",\"type\":\"a.b\",\"accountId\":\"1\",\"occurredAt\":\"2026-01-01T00:00:00Z\"} | data is missing",
      })
  void rejectsWithReason(String name, String body, String reason) {
    var e = assertThrows(InvalidEventException.class, () -> parser.parse(body));
    assertTrue(e.getMessage().contains(reason), () -> "reason was: " + e.getMessage());
  }

  @Test
  void rejectsEmptyAndNull() {
    assertThrows(InvalidEventException.class, () -> parser.parse(null));
    assertThrows(InvalidEventException.class, () -> parser.parse("  "));
  }

  @Test
  void rejectsOversizedBodyBeforeParsing() {
    String big = "{\"x\":\"" + "a".repeat(EventParser.MAX_BODY_CHARS) + "\"}";
    var e = assertThrows(InvalidEventException.class, () -> parser.parse(big));
    assertTrue(e.getMessage().contains("more than the limit"));
  }

  @Test
  void rejectsOverlongId() {
    String body =
        "{\"id\":\""
            + "i".repeat(EventParser.MAX_ID_LENGTH + 1)
            + "\",\"type\":\"a.b\",\"accountId\":\"1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}}";
    var e = assertThrows(InvalidEventException.class, () -> parser.parse(body));
    assertTrue(e.getMessage().contains("longer than"));
  }
}
