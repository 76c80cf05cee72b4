package com.kompaas.webhooks.intake.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

  @Test
  void keepsShortBodyWhole() {
    var letter = new DeadLetter(Instant.EPOCH, DeadLetter.Source.JMS, "m1", "bad", "{oops");
    assertEquals("{oops", letter.getBody());
    assertFalse(letter.isBodyTruncated());
    assertEquals(5, letter.getBodyLength());
  }

  @Test
  void cutsOversizedBodyAndRemembersItsLength() {
    String huge = "x".repeat(DeadLetter.MAX_BODY_CHARS + 10);
    var letter = new DeadLetter(Instant.EPOCH, DeadLetter.Source.HTTP, null, "too big", huge);
    assertEquals(DeadLetter.MAX_BODY_CHARS, letter.getBody().length());
    assertTrue(letter.isBodyTruncated());
    assertEquals(DeadLetter.MAX_BODY_CHARS + 10, letter.getBodyLength());
  }

  @Test
  void cutsOverlongReason() {
    var letter = new DeadLetter(Instant.EPOCH, DeadLetter.Source.JMS, null, "r".repeat(5000), null);
    assertEquals(DeadLetter.REASON_LENGTH, letter.getReason().length());
    assertEquals(0, letter.getBodyLength());
  }

  @Test
  void keepsTheStartOfAMessageNotReadWholeWithItsOriginalSize() {
    var letter =
        new DeadLetter(
            Instant.EPOCH,
            DeadLetter.Source.JMS,
            "m2",
            "too big",
            "{\"pad\":\"xx",
            3_000_000_000L,
            true);
    assertEquals("{\"pad\":\"xx", letter.getBody());
    assertTrue(letter.isBodyTruncated());
    assertEquals(
        Integer.MAX_VALUE, letter.getBodyLength(), "a size past an int is kept as the largest int");
  }
}
