package com.kompaas.webhooks.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Hashes and checks passwords with Jakarta Security's PBKDF2. The parameters travel inside each
 * hash, so raising the iterations later leaves old hashes verifiable.
 */
@ApplicationScoped
public class Passwords {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private static final char[] ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

  private final SecureRandom random = new SecureRandom();

  @Inject Pbkdf2PasswordHash pbkdf2;

  /** A hash of a password nobody has, so an unknown login costs as much time as a known one. */
  private String decoy;

  @PostConstruct
  void init() {
    // OWASP's 2023 figure for PBKDF2-HMAC-SHA512
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    decoy = pbkdf2.generate(generate().toCharArray());
  }

  /**
   * @throws IllegalArgumentException if the password breaks the policy
   */
  public String hash(String password) {
    requireAcceptable(password);
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean verify(String password, String hash) {
    return password != null && hash != null && pbkdf2.verify(password.toCharArray(), hash);
  }

  /** Spends the time of a real check and answers false. */
  public boolean verifyAgainstDecoy(String password) {
    pbkdf2.verify(password == null ? new char[0] : password.toCharArray(), decoy);
    return false;
  }

  public static void requireAcceptable(String password) {
    if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
  }

  /** A random password of 20 characters (about 117 bits), without look-alike characters. */
  public String generate() {
    char[] chars = new char[20];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(chars);
  }
}
