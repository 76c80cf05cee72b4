package com.kompaas.webhooks.outbound.control;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A webhook signing secret in the Standard Webhooks format: {@code whsec_} followed by the base64
 * of 24 to 64 random bytes. Any Standard Webhooks library on the receiving side accepts this string
 * as is. {@link #toString()} masks the key so a secret that reaches a log line or an exception
 * message gives nothing away; {@link #value()} is the one deliberate way to reveal it.
 */
public final class SigningSecret {

  public static final String PREFIX = "whsec_";
  public static final int MIN_BYTES = 24;
  public static final int MAX_BYTES = 64;

  /** Bytes in a generated secret, the size the reference libraries generate. */
  public static final int GENERATED_BYTES = 32;

  /** Length of the longest valid text form, for a column size. */
  public static final int MAX_TEXT_LENGTH = PREFIX.length() + (MAX_BYTES + 2) / 3 * 4;

  private final byte[] key;

  private SigningSecret(byte[] key) {
    if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "a signing secret has " + MIN_BYTES + " to " + MAX_BYTES + " bytes, not " + key.length);
    }
    this.key = key.clone();
  }

  /** Reads the {@code whsec_...} text form; the message never repeats the text. */
  public static SigningSecret parse(String text) {
    if (text == null || !text.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a signing secret starts with " + PREFIX);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a signing secret is " + PREFIX + " followed by base64");
    }
    return new SigningSecret(key);
  }

  public static SigningSecret generate(SecureRandom random) {
    byte[] key = new byte[GENERATED_BYTES];
    random.nextBytes(key);
    return new SigningSecret(key);
  }

  /** The full secret, for storage and for the one screen that reveals it. */
  public String value() {
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  public byte[] key() {
    return key.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SigningSecret s && MessageDigest.isEqual(key, s.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return PREFIX + "********";
  }
}
