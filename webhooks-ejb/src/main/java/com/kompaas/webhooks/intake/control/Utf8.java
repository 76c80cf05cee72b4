package com.kompaas.webhooks.intake.control;

/** What the intake needs to know of a text's UTF-8 form, without encoding it. */
public final class Utf8 {

  private Utf8() {}

  /** Bytes of the text in UTF-8; a lone surrogate counts as the 3 bytes of its replacement. */
  public static long length(CharSequence text) {
    long bytes = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /**
   * @return the index of the first surrogate that is not half of a pair, or -1 if there is none
   */
  public static int loneSurrogate(CharSequence text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }
}
