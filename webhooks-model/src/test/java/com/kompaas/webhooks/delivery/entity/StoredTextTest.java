package com.kompaas.webhooks.delivery.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredTextTest {

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void textThatFitsIsKeptAsItIs() {
    String headers = "Content-Type: application/json\nX-Caller: Иван 😀\n";
    assertSame(headers, StoredText.bytes(headers, utf8(headers)));
    assertSame(
        headers, StoredText.characters(headers, headers.codePointCount(0, headers.length())));
    assertNull(StoredText.bytes(null, 10));
  }

  @Test
  void aByteLimitCountsUtf8BytesNotCharacters() {
    String cyrillic = "я".repeat(40_000); // 40,000 characters, 80,000 bytes
    String stored = StoredText.bytes(cyrillic, Attempt.HEADERS_BYTES);
    assertTrue(utf8(stored) <= Attempt.HEADERS_BYTES, "fits the TEXT column: " + utf8(stored));
    assertTrue(utf8(stored) > Attempt.HEADERS_BYTES - 4, "and uses it: " + utf8(stored));
    assertTrue(
        stored.endsWith("…(truncated: 80000 bytes in all)"),
        stored.substring(stored.length() - 40));
    assertTrue(stored.startsWith("яяя"));
  }

  @Test
  void aCutNeverSplitsAMultiByteCharacterOrASurrogatePair() {
    String emoji = "a" + "😀".repeat(20); // 1 + 20 × 4 bytes
    String marker = "…(truncated: 81 bytes in all)";
    int markerBytes = utf8(marker);
    // room for "a", one emoji and two bytes more: half an emoji is left out, not stored
    assertEquals("a😀" + marker, StoredText.bytes(emoji, markerBytes + 7));
    for (int extra = 0; extra < 9; extra++) {
      String cut = StoredText.bytes(emoji, markerBytes + extra);
      assertTrue(utf8(cut) <= markerBytes + extra);
      assertFalse(cut.contains("\uFFFD"), "whole characters only: " + cut);
      assertEquals(
          new String(cut.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
          cut,
          "no half pair: it round-trips through UTF-8");
    }
    String twoByte = StoredText.bytes("é".repeat(30), utf8("…(truncated: 60 bytes in all)") + 3);
    assertEquals(
        "é…(truncated: 60 bytes in all)",
        twoByte,
        "3 bytes of room hold one 2-byte character, not one and a half");
  }

  @Test
  void aCharacterLimitCountsCodePointsAsVarcharDoes() {
    String url =
        "https://crm.example/" + "😀".repeat(9000); // 9,020 code points, 18,020 chars in Java
    String stored = StoredText.characters(url, Attempt.URL_LENGTH);
    assertEquals(Attempt.URL_LENGTH, stored.codePointCount(0, stored.length()));
    assertTrue(
        stored.endsWith("…(truncated: 9020 characters in all)"),
        stored.substring(stored.length() - 40));
    assertFalse(
        Character.isHighSurrogate(stored.charAt(stored.indexOf('…') - 1)),
        "no half pair before the marker");
  }

  @Test
  void aLoneSurrogateIsStoredAsTheReplacementCharacter() {
    assertEquals("a\uFFFDb", StoredText.bytes("a\uD800b", 100));
    assertEquals("\uFFFD", StoredText.characters("\uDC00", 10));
  }

  @Test
  void aColumnTooSmallForTheMarkerKeepsWhatFits() {
    assertEquals("DELETE", StoredText.characters("DELETE", 8));
    assertEquals("ABCDEFGH", StoredText.characters("ABCDEFGHIJ", 8));
  }

  @Test
  void thePrefixCarriesNoMarker() {
    assertEquals("яя", StoredText.prefix("яяя", 5));
  }

  @Test
  void bytesCutInsideACharacterDecodeWithoutIt() {
    byte[] text = "ok я😀".getBytes(StandardCharsets.UTF_8); // 3 + 2 + 4 bytes
    assertEquals("ok я😀", StoredText.decodeCut(text));
    for (int cut = 5; cut < 9; cut++) {
      assertEquals(
          "ok я", StoredText.decodeCut(java.util.Arrays.copyOf(text, cut)), "cut at " + cut);
    }
    assertEquals("ok ", StoredText.decodeCut(java.util.Arrays.copyOf(text, 4)));
    assertEquals("", StoredText.decodeCut(new byte[0]));
  }

  @Test
  void anAttemptKeepsEachColumnWithinItsSize() {
    String fatHeaders = "X-Pad: " + "p".repeat(100_000) + "\n";
    Attempt attempt =
        new Attempt(
            1,
            "acc",
            1,
            false,
            Instant.EPOCH,
            5,
            new Attempt.Request(
                "POST", "https://x/" + "q".repeat(10_000), fatHeaders, "б".repeat(600_000)),
            new Attempt.Response(200, fatHeaders, "ж".repeat(600_000), false),
            Attempt.Outcome.DELIVERED,
            null,
            "e".repeat(2000));
    assertTrue(utf8(attempt.getRequestHeaders()) <= Attempt.HEADERS_BYTES);
    assertTrue(attempt.getRequestHeaders().contains(StoredText.MARKER));
    assertTrue(utf8(attempt.getResponseHeaders()) <= Attempt.HEADERS_BYTES);
    assertTrue(
        attempt.getRequestUrl().codePointCount(0, attempt.getRequestUrl().length())
            <= Attempt.URL_LENGTH);
    assertTrue(utf8(attempt.getRequestBody()) <= Attempt.BODY_BYTES);
    assertTrue(attempt.getRequestBody().contains(StoredText.MARKER));
    assertTrue(utf8(attempt.getResponseBody()) <= Attempt.BODY_BYTES);
    assertFalse(
        attempt.getResponseBody().contains(StoredText.MARKER),
        "the response body is flagged instead");
    assertTrue(attempt.isResponseTruncated());
    assertTrue(attempt.getErrorDetail().length() <= Attempt.ERROR_DETAIL_LENGTH);
  }

  @Test
  void aSummaryKeepsWhatDecidesTheDeliveryAndSaysWhy() {
    Attempt attempt =
        new Attempt(
            7,
            "acc",
            3,
            true,
            Instant.EPOCH,
            40,
            new Attempt.Request("PUT", "https://x/", "A: b\n", "body"),
            new Attempt.Response(503, "Retry-After: 5\n", "busy", false),
            Attempt.Outcome.FAILED,
            DeliveryError.HTTP_STATUS,
            "503");
    Attempt summary = attempt.withoutDetails("Data too long for column 'request_headers' at row 1");
    assertEquals(3, summary.getNumber());
    assertTrue(summary.isManual());
    assertEquals(Instant.EPOCH, summary.getStartedAt());
    assertEquals(40, summary.getDurationMs());
    assertEquals(503, summary.getResponseStatus());
    assertEquals(Attempt.Outcome.FAILED, summary.getOutcome());
    assertEquals(DeliveryError.HTTP_STATUS, summary.getError());
    assertEquals("PUT", summary.getRequestMethod());
    assertEquals("", summary.getRequestHeaders());
    assertNull(summary.getResponseBody());
    assertEquals(
        "attempt details could not be stored: Data too long for column 'request_headers' at row 1",
        summary.getErrorDetail());
  }
}
