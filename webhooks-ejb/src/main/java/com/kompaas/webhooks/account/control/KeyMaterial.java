package com.kompaas.webhooks.account.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys: {@code whk_} and 43 characters of base64url (256 random bits). Such a key cannot be
 * guessed, so a plain SHA-256 is a safe way to store and look it up; passwords need PBKDF2 only
 * because people choose them.
 */
public final class KeyMaterial {

  public static final String PREFIX = "whk_";

  /** How much of a key is stored and shown to tell keys apart. */
  public static final int SHOWN = PREFIX.length() + 8;

  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyMaterial() {}

  public static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String shownPart(String key) {
    return key.substring(0, Math.min(SHOWN, key.length()));
  }

  /** Lower-case hex SHA-256 of the key's UTF-8 bytes, as {@code sha256sum} prints it. */
  public static String sha256(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Compares two hex hashes in constant time. */
  public static boolean sameHash(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
