package com.kompaas.webhooks.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    String big = "{\"x\":\"" + "a".repeat(256 * 1024) + "\"}";
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

  // --- what the hardening issue found: each of these was stored changed, retried forever or lost

  private static String withData(String data) {
    return "{\"id\":\"e-1\",\"type\":\"a.b\",\"accountId\":\"acc\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":"
        + data
        + "}";
  }

  private static String withField(String field, String json) {
    String body = withData("{}");
    return body.replaceFirst(
        "\"" + field + "\":(\"[^\"]*\"|\\{\\})",
        java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + json));
  }

  private String reason(String body) {
    return assertThrows(InvalidEventException.class, () -> parser.parse(body)).getMessage();
  }

  private static void assertStartsWith(String prefix, String reason) {
    assertTrue(reason.startsWith(prefix), () -> "reason was: " + reason);
  }

  @Test
  void refusesDataNestedDeeperThanTheLimitWithAReasonNotAnError() {
    String thousand = "[".repeat(1001) + "]".repeat(1001);
    String reason = reason(withData("{\"a\":" + thousand + "}"));
    assertStartsWith("data is nested deeper than the limit of 100 levels", reason);
    // the limit itself: the body is level 1, data level 2, so 98 more levels fit
    String deepest = "[".repeat(98) + "]".repeat(98);
    assertEquals(
        "{\"a\":" + deepest + "}", parser.parse(withData("{\"a\":" + deepest + "}")).data());
    assertStartsWith("data is nested deeper", reason(withData("{\"a\":[" + deepest + "]}")));
  }

  @Test
  void refusesLongNumbersWithAReasonNotAnError() {
    String reason = reason(withData("{\"n\":" + "1".repeat(1200) + "}"));
    assertStartsWith(
        "data: /data/n is a number of 1200 characters, more than the limit of 128", reason);
    assertStartsWith("id is a number of 129", reason(withField("id", "1".repeat(129))));
    assertEquals(
        "{\"n\":" + "9".repeat(128) + "}",
        parser.parse(withData("{\"n\":" + "9".repeat(128) + "}")).data());
  }

  @Test
  void refusesIdsAsNumbersThatAreNotWrittenInDigits() {
    // 1e999999999 is integral; expanding it for the id never ended
    assertStartsWith(
        "id must be a string or a whole number written in digits",
        reason(withField("id", "1e999999999")));
    assertStartsWith(
        "accountId must be a string or a whole number", reason(withField("accountId", "1.0")));
    assertEquals("-5", parser.parse(withField("id", "-5")).id());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "+10000-01-01T00:00:00Z",
    "-0001-01-01T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "0999-12-31T23:59:59Z",
    "9999-12-31T23:00:00-02:00",
    "1000-01-01T01:00:00+02:00",
    "9999-12-31T23:59:59.9999999Z"
  })
  void refusesDatesTheDatabaseCannotStore(String occurredAt) {
    assertStartsWith(
        "occurredAt '"
            + occurredAt
            + "' is outside the range that can be stored, 1000-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z",
        reason(withField("occurredAt", "\"" + occurredAt + "\"")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "9999-12-31T23:59:59+01:00"})
  void acceptsTheEdgesOfTheStorableRange(String occurredAt) {
    assertEquals(
        java.time.OffsetDateTime.parse(occurredAt).toInstant(),
        parser.parse(withField("occurredAt", "\"" + occurredAt + "\"")).occurredAt());
  }

  @Test
  void refusesLoneSurrogatesAnywhere() {
    assertStartsWith(
        "id has a text with a lone surrogate (U+D800 at character 2)",
        reason(withField("id", "\"a\\ud800\"")));
    assertStartsWith(
        "id has a text with a lone surrogate (U+DC00", reason(withField("id", "\"a\\udc00\"")));
    assertStartsWith("id has a text with a lone surrogate", reason(withField("id", "\"a\ud800\"")));
    assertStartsWith(
        "type has a text with a lone surrogate", reason(withField("type", "\"a.b\\ud800\"")));
    assertStartsWith(
        "accountId has a text with a lone surrogate",
        reason(withField("accountId", "\"acc\\ud800\"")));
    assertStartsWith(
        "data: /data/x has a text with a lone surrogate", reason(withData("{\"x\":\"\\ud83d\"}")));
    assertStartsWith(
        "data: /data/\ud800 has a key with a lone surrogate", reason(withData("{\"\\ud800\":1}")));
    // a pair is a character like any other
    assertEquals("a\ud83d\ude00", parser.parse(withField("id", "\"a\\ud83d\\ude00\"")).id());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "second event | {\"id\":\"e-2\"}",
        "garbage | garbage",
        "a second bracket | }",
        "array | []"
      })
  void refusesAnythingAfterTheObject(String name, String trailing) {
    String reason = reason(withData("{}") + trailing);
    assertStartsWith("body has more after its JSON object (from character ", reason);
    assertTrue(reason.endsWith("a message carries exactly one event"), reason);
  }

  @Test
  void refusesNulBytesAfterTheObjectButNotWhiteSpace() {
    assertStartsWith("body has more after its JSON object", reason(withData("{}") + "\u0000"));
    assertStartsWith(
        "body has more after its JSON object", reason(withData("{}") + "\n\u0000\u0000"));
    assertEquals("e-1", parser.parse(withData("{}") + " \r\n\t").id());
  }

  @Test
  void countsTheSizeLimitInUtf8Bytes() {
    String head = withData("{\"pad\":\"");
    String tail = "\"}}";
    int room = 256 * 1024 - head.length() - tail.length();
    assertEquals(
        "e-1", parser.parse(head + "a".repeat(room) + tail).id(), "exactly 256 KiB is accepted");
    assertStartsWith(
        "body has 262145 bytes in UTF-8, more than the limit of 262144 (256 KiB)",
        reason(head + "a".repeat(room + 1) + tail));
    // two bytes each: fewer characters than the limit, more bytes
    String cyrillic = head + "я".repeat(room / 2) + "a".repeat(room % 2 + 1) + tail;
    assertTrue(cyrillic.length() < 256 * 1024);
    assertStartsWith("body has 262145 bytes in UTF-8", reason(cyrillic));
  }

  @Test
  void refusesDuplicateKeysAtTheTopAndInsideData() {
    String twoAccounts = withData("{}").replace("\"data\":", "\"accountId\":\"other\",\"data\":");
    assertStartsWith("accountId appears twice in its object", reason(twoAccounts));
    assertStartsWith(
        "data: /data/a/b appears twice in its object",
        reason(withData("{\"a\":{\"b\":1,\"b\":2}}")));
    assertStartsWith(
        "data: /data/a/0/k appears twice", reason(withData("{\"a\":[{\"k\":1,\"k\":1}]}")));
    // the same key in sibling objects is no duplicate
    assertEquals(
        "{\"a\":{\"k\":1},\"b\":{\"k\":2}}",
        parser.parse(withData("{\"a\":{\"k\":1},\"b\":{\"k\":2}}")).data());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"id, ' e-1 '", "id, 'e-1 '", "id, '\\te-1'", "accountId, ' acc '", "type, ' a.b'"})
  void refusesPaddedTextInsteadOfTrimmingIt(String field, String value) {
    assertStartsWith(
        field + " has white space at its start or end",
        reason(withField(field, "\"" + value + "\"")));
  }
}
