package com.kompaas.webhooks.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

  /**
   * What the fast path reads, it reads as OffsetDateTime.parse does; what it refuses, it leaves to
   * it.
   */
  private static void agreesWithTheJdk(String text) {
    Instant expected;
    try {
      expected = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      assertNull(
          IsoInstant.fast(text), () -> "the JDK refuses " + text + ", so must the fast path");
      assertThrows(DateTimeParseException.class, () -> IsoInstant.parse(text));
      return;
    }
    Instant fast = IsoInstant.fast(text);
    if (fast != null) {
      assertEquals(expected, fast, text);
    }
    assertEquals(expected, IsoInstant.parse(text), text);
  }

  @Test
  void theCommonShapesTakeTheFastPath() {
    for (String text :
        List.of(
            "2026-11-28T10:15:30Z",
            "2026-11-28T10:15:30.123Z",
            "2026-11-28T10:15:30.123456789Z",
            "2026-11-28T10:15:30+03:00",
            "2026-11-28T10:15:30.5-05:30",
            "2024-02-29T23:59:59+18:00",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999-18:00")) {
      assertNotNull(IsoInstant.fast(text), text);
      agreesWithTheJdk(text);
    }
  }

  @Test
  void invalidOrUnusualTextIsLeftToTheJdk() {
    for (String text :
        List.of(
            "2026-02-30T10:15:30Z",
            "2025-02-29T10:15:30Z",
            "2026-13-01T10:15:30Z",
            "2026-00-01T10:15:30Z",
            "2026-11-28T24:00:00Z",
            "2026-11-28T10:60:30Z",
            "2026-11-28T10:15:60Z",
            "2026-11-28T10:15:30",
            "2026-11-28T10:15:30.Z",
            "2026-11-28T10:15:30.1234567891Z",
            "2026-11-28T10:15Z",
            "2026-11-28t10:15:30z",
            "2026-11-28T10:15:30+19:00",
            "2026-11-28T10:15:30+18:01",
            "2026-11-28T10:15:30+03:60",
            "2026-11-28T10:15:30-00:00",
            "2026-11-28T10:15:30+0300",
            "2026-11-28T10:15:30+03:00:15",
            "2026-11-28T10:15:30+03",
            "+12026-11-28T10:15:30Z",
            "2026-11-28 10:15:30Z",
            "2026-1-28T10:15:30Z",
            "2026-11-28T10:15:30ZZ",
            "2026-11-28T10:15:3xZ",
            "2026-11-28T10:15:30[Europe/Moscow]",
            "")) {
      agreesWithTheJdk(text);
    }
  }

  @Test
  void randomDateTimesAgreeWithTheJdk() {
    var random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      String text =
          String.format(
              "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
              random.nextInt(10_000),
              random.nextInt(14),
              random.nextInt(33),
              random.nextInt(26),
              random.nextInt(62),
              random.nextInt(62),
              random.nextBoolean()
                  ? ""
                  : "."
                      + Long.toString(random.nextLong() & Long.MAX_VALUE)
                          .substring(0, 1 + random.nextInt(10)),
              random.nextInt(3) == 0
                  ? "Z"
                  : String.format(
                      "%s%02d:%02d",
                      random.nextBoolean() ? "+" : "-", random.nextInt(20), random.nextInt(61)));
      agreesWithTheJdk(text);
    }
  }

  /**
   * The parser's range check (EventParser.EARLIEST/LATEST) relies on years outside 1000-9999 being
   * read as the years they are, not wrapped: "-0001" was stored as year 0002.
   */
  @Test
  void readsYearsOutsideTheStorableRangeAsTheyAre() {
    assertEquals(
        -1, IsoInstant.parse("-0001-01-01T00:00:00Z").atOffset(java.time.ZoneOffset.UTC).getYear());
    assertEquals(
        0, IsoInstant.parse("0000-01-01T00:00:00Z").atOffset(java.time.ZoneOffset.UTC).getYear());
    assertEquals(
        10000,
        IsoInstant.parse("+10000-01-01T00:00:00Z").atOffset(java.time.ZoneOffset.UTC).getYear());
    assertEquals(
        10000,
        IsoInstant.parse("9999-12-31T23:00:00-02:00").atOffset(java.time.ZoneOffset.UTC).getYear());
  }
}
