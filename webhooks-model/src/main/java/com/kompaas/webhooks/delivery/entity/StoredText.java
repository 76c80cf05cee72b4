package com.kompaas.webhooks.delivery.entity;

import java.nio.charset.StandardCharsets;
import java.util.function.IntUnaryOperator;

/**
 * Text cut to what its column holds, so that a row can always be written: a receiver that answers
 * with 100 KB of headers, or a header filled with a long event value, must not make its attempt
 * unwritable (the insert failed with "Data too long", and the delivery was sent again at every
 * lease end, for ever). What is cut ends in a marker, {@code …(truncated: N bytes in all)}, with
 * the marker counted inside the limit.
 *
 * <p>MariaDB limits a TEXT or MEDIUMTEXT column in <em>bytes</em> of the encoded text (utf8mb4: one
 * to four per character) and a VARCHAR in <em>characters</em> (code points), so each is counted its
 * own way here. A cut never splits a character, a surrogate pair included, and a lone surrogate
 * (which no encoding can store) is kept as U+FFFD.
 */
public final class StoredText {

  /** How every cut ends, followed by the original size. */
  public static final String MARKER = "…(truncated";

  private StoredText() {}

  /** At most {@code maxBytes} bytes of UTF-8, marker included; null stays null. */
  public static String bytes(String value, int maxBytes) {
    return cut(value, maxBytes, StoredText::utf8Length, "bytes", true);
  }

  /** At most {@code maxChars} characters (code points), marker included; null stays null. */
  public static String characters(String value, int maxChars) {
    return cut(value, maxChars, cp -> 1, "characters", true);
  }

  /**
   * At most {@code maxBytes} bytes of UTF-8, without a marker: for a column whose row says itself
   * that it was cut (the response body's {@code response_truncated}).
   */
  public static String prefix(String value, int maxBytes) {
    return cut(value, maxBytes, StoredText::utf8Length, "bytes", false);
  }

  /**
   * UTF-8 bytes cut at an arbitrary point (the sender's cap on a response body), as text: a
   * character the cut left incomplete at the end is left out rather than kept as U+FFFD.
   */
  public static String decodeCut(byte[] bytes) {
    int end = bytes.length;
    int lead = end - 1;
    while (lead >= 0 && end - lead < 4 && (bytes[lead] & 0xC0) == 0x80) {
      lead--; // back over continuation bytes to the character's first byte
    }
    if (lead >= 0) {
      int first = bytes[lead] & 0xFF;
      int length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
      if (end - lead < length) {
        end = lead;
      }
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  private static String cut(
      String value, int max, IntUnaryOperator size, String unit, boolean marked) {
    if (value == null) {
      return null;
    }
    long total = 0;
    boolean wellFormed = true;
    for (int i = 0; i < value.length(); ) {
      int cp = codePointAt(value, i);
      wellFormed &= cp != '\uFFFD' || value.charAt(i) == '\uFFFD';
      total += size.applyAsInt(cp);
      i += Character.charCount(cp);
    }
    if (total <= max) {
      return wellFormed ? value : prefixOf(value, max, size, new StringBuilder()).toString();
    }
    String marker = marked ? MARKER + ": " + total + " " + unit + " in all)" : "";
    long markerSize = 0;
    for (int i = 0; i < marker.length(); i++) {
      markerSize += size.applyAsInt(marker.charAt(i));
    }
    if (markerSize > max) {
      marker = ""; // a column too small for the marker keeps what fits
      markerSize = 0;
    }
    return prefixOf(value, max - markerSize, size, new StringBuilder()).append(marker).toString();
  }

  /** The longest run of whole characters from the start whose size is at most {@code budget}. */
  private static StringBuilder prefixOf(
      String value, long budget, IntUnaryOperator size, StringBuilder out) {
    long used = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = codePointAt(value, i);
      int n = size.applyAsInt(cp);
      if (used + n > budget) {
        break;
      }
      out.appendCodePoint(cp);
      used += n;
      i += Character.charCount(cp);
    }
    return out;
  }

  /** The code point at {@code i}; a lone surrogate reads as U+FFFD, one char long. */
  private static int codePointAt(String value, int i) {
    int cp = value.codePointAt(i);
    return Character.isSurrogate((char) cp) ? '\uFFFD' : cp;
  }

  private static int utf8Length(int cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
}
