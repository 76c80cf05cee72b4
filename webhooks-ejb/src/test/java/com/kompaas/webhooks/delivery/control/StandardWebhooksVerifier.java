package com.kompaas.webhooks.delivery.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check, written from the Standard Webhooks specification rather than from our signer,
 * so that a test passing means a real receiver would accept the request: timestamp within the
 * tolerance (5 minutes in the reference libraries), and any {@code v1} entry matching in constant
 * time.
 */
final class StandardWebhooksVerifier {

  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final byte[] key;

  StandardWebhooksVerifier(String secret) {
    String base64 = secret.startsWith("whsec_") ? secret.substring(6) : secret;
    this.key = Base64.getDecoder().decode(base64);
  }

  void verify(String id, String timestamp, String signatureHeader, byte[] body, Instant now) {
    long ts;
    try {
      ts = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid timestamp");
    }
    if (Math.abs(now.getEpochSecond() - ts) > TOLERANCE.toSeconds()) {
      throw new IllegalArgumentException("timestamp outside tolerance");
    }
    byte[] expected = mac(id + "." + ts + ".", body);
    for (String entry : signatureHeader.split(" ")) {
      int comma = entry.indexOf(',');
      if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
        continue;
      }
      byte[] given;
      try {
        given = Base64.getDecoder().decode(entry.substring(comma + 1));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return;
      }
    }
    throw new IllegalArgumentException("no matching signature");
  }

  private byte[] mac(String prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(prefix.getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
