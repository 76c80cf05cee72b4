package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.outbound.control.HeaderRules;
import com.kompaas.webhooks.outbound.control.SecretRing;
import com.kompaas.webhooks.outbound.control.SigningSecret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request the way the Standard Webhooks specification (standardwebhooks.com) says, so
 * receivers can verify it with any of its reference libraries: HMAC-SHA256 over {@code
 * id.timestamp.body} with the decoded secret, one {@code v1,<base64>} entry per active secret,
 * separated by spaces. The id is the delivery id and stays the same on every retry, which is what
 * lets receivers drop duplicates; the timestamp is that of the attempt, so retries are not rejected
 * as replays.
 *
 * <p>A GET has no body; all its data is in the query string, which an empty body would leave
 * unprotected. So the signed content of a GET is {@code GET <url>} in UTF-8 in place of the body,
 * the URL as the receiver can put it together: scheme, {@code ://}, the {@code Host} header and the
 * request target (see {@link OutboundRequest#receivedUrl}). A receiver verifies it with any
 * Standard Webhooks library by passing that text as the payload. Every other request keeps exactly
 * the specification's {@code id.timestamp.body}, so receivers' libraries verify it unchanged.
 */
public class Signer {

  public static final String ID_HEADER = HeaderRules.ID_HEADER;
  public static final String TIMESTAMP_HEADER = HeaderRules.TIMESTAMP_HEADER;
  public static final String SIGNATURE_HEADER = HeaderRules.SIGNATURE_HEADER;

  private static final String ALGORITHM = "HmacSHA256";

  /** The three headers of one signed attempt. */
  public record SignatureHeaders(String id, long timestamp, String signature) {
    public Map<String, String> asMap() {
      Map<String, String> map = new LinkedHashMap<>();
      map.put(ID_HEADER, id);
      map.put(TIMESTAMP_HEADER, Long.toString(timestamp));
      map.put(SIGNATURE_HEADER, signature);
      return map;
    }
  }

  /**
   * What stands for the body in the signed content: the body itself, or for a GET the method and
   * the URL it is sent to.
   */
  public static byte[] signedContent(String method, URI url, byte[] body) {
    if (method.equals("GET")) {
      return ("GET " + OutboundRequest.receivedUrl(url)).getBytes(StandardCharsets.UTF_8);
    }
    return body;
  }

  public SignatureHeaders sign(String deliveryId, Instant attemptAt, byte[] body, SecretRing ring) {
    return sign(deliveryId, attemptAt.getEpochSecond(), body, ring.signingAt(attemptAt));
  }

  public SignatureHeaders sign(
      String deliveryId, long timestamp, byte[] body, List<SigningSecret> secrets) {
    if (deliveryId == null || deliveryId.isEmpty()) {
      throw new IllegalArgumentException("a delivery id is needed to sign");
    }
    if (deliveryId.indexOf('.') >= 0) {
      // the id is the first field of the signed content; a dot would make it ambiguous
      throw new IllegalArgumentException("a delivery id must not contain '.'");
    }
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("no active secret to sign with");
    }
    String signature =
        secrets.stream()
            .map(s -> "v1," + hmac(s, deliveryId, timestamp, body))
            .collect(Collectors.joining(" "));
    return new SignatureHeaders(deliveryId, timestamp, signature);
  }

  /**
   * One Mac per thread: finding the provider's implementation anew for every request showed in
   * profiles.
   */
  private static final ThreadLocal<Mac> MACS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance(ALGORITHM);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
          });

  static String hmac(SigningSecret secret, String id, long timestamp, byte[] body) {
    try {
      Mac mac = MACS.get();
      mac.init(new SecretKeySpec(secret.key(), ALGORITHM)); // resets it, whatever it held before
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
