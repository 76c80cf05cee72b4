package com.kompaas.webhooks.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.outbound.control.SecretRing;
import com.kompaas.webhooks.outbound.control.SigningSecret;
import com.kompaas.webhooks.subscription.control.RenderedRequest;
import com.kompaas.webhooks.subscription.entity.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignerTest {

  // the known-answer vector of the Standard Webhooks reference libraries
  private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long SPEC_TS = 1614265330L;
  private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  private final Signer signer = new Signer();

  @Test
  void matchesTheSpecificationVector() {
    var headers =
        signer.sign(SPEC_ID, SPEC_TS, SPEC_BODY, List.of(SigningSecret.parse(SPEC_SECRET)));
    assertEquals(SPEC_SIGNATURE, headers.signature());
    assertEquals(SPEC_ID, headers.asMap().get("webhook-id"));
    assertEquals("1614265330", headers.asMap().get("webhook-timestamp"));
    assertEquals(SPEC_SIGNATURE, headers.asMap().get("webhook-signature"));
  }

  @Test
  void receiverAcceptsWhatWeSign() {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    SigningSecret secret = SigningSecret.generate(new SecureRandom());
    byte[] body = "{\"type\":\"call.incoming.start\",\"n\":\"ü\"}".getBytes(StandardCharsets.UTF_8);
    var h = signer.sign("dlv_42", now, body, SecretRing.of(secret));
    new StandardWebhooksVerifier(secret.value())
        .verify(h.id(), Long.toString(h.timestamp()), h.signature(), body, now.plusSeconds(3));
  }

  @Test
  void receiverRejectsTamperingAndOldTimestamps() {
    Instant now = Instant.ofEpochSecond(SPEC_TS);
    var verifier = new StandardWebhooksVerifier(SPEC_SECRET);
    verifier.verify(SPEC_ID, "1614265330", SPEC_SIGNATURE, SPEC_BODY, now);
    byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
    assertThrows(
        IllegalArgumentException.class,
        () -> verifier.verify(SPEC_ID, "1614265330", SPEC_SIGNATURE, tampered, now));
    assertThrows(
        IllegalArgumentException.class,
        () -> verifier.verify("msg_other", "1614265330", SPEC_SIGNATURE, SPEC_BODY, now));
    assertThrows(
        IllegalArgumentException.class,
        () -> verifier.verify(SPEC_ID, "1614265331", SPEC_SIGNATURE, SPEC_BODY, now));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            verifier.verify(
                SPEC_ID, "1614265330", SPEC_SIGNATURE, SPEC_BODY, now.plus(Duration.ofMinutes(6))));
  }

  @Test
  void rotationSignsWithBothSecretsFor24Hours() {
    Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
    SigningSecret old = SigningSecret.parse(SPEC_SECRET);
    SigningSecret fresh = SigningSecret.generate(new SecureRandom());
    SecretRing ring = SecretRing.of(old).rotate(fresh, t0);
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

    Instant during = t0.plus(Duration.ofHours(23));
    var h = signer.sign("dlv_1", during, body, ring);
    String[] entries = h.signature().split(" ");
    assertEquals(2, entries.length);
    String ts = Long.toString(h.timestamp());
    new StandardWebhooksVerifier(old.value()).verify("dlv_1", ts, h.signature(), body, during);
    new StandardWebhooksVerifier(fresh.value()).verify("dlv_1", ts, h.signature(), body, during);

    Instant after = t0.plus(Duration.ofHours(24));
    var later = signer.sign("dlv_1", after, body, ring);
    assertEquals(1, later.signature().split(" ").length);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new StandardWebhooksVerifier(old.value())
                .verify("dlv_1", Long.toString(later.timestamp()), later.signature(), body, after));
    assertEquals(fresh, ring.current());
    assertTrue(ring.previous(after).isEmpty());
  }

  @Test
  void secondRotationKeepsOnlyUnexpiredSecrets() {
    Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
    SecureRandom random = new SecureRandom();
    SecretRing ring =
        SecretRing.of(SigningSecret.generate(random))
            .rotate(SigningSecret.generate(random), t0)
            .rotate(SigningSecret.generate(random), t0.plus(Duration.ofHours(2)));
    assertEquals(3, ring.signingAt(t0.plus(Duration.ofHours(3))).size());
    assertEquals(2, ring.signingAt(t0.plus(Duration.ofHours(25))).size());
    assertEquals(1, ring.signingAt(t0.plus(Duration.ofHours(27))).size());
  }

  @Test
  void secretsAreMaskedAndRoundTrip() {
    SigningSecret secret = SigningSecret.generate(new SecureRandom());
    assertFalse(secret.toString().contains(secret.value().substring(6)));
    assertEquals("whsec_********", secret.toString());
    assertEquals(secret, SigningSecret.parse(secret.value()));
    assertEquals(32, Base64.getDecoder().decode(secret.value().substring(6)).length);
    assertTrue(secret.value().length() <= SigningSecret.MAX_TEXT_LENGTH);
    assertNotEquals(secret, SigningSecret.generate(new SecureRandom()));
    assertFalse(SecretRing.of(secret).toString().contains(secret.value()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "whsec_",
        "whsec_not*base64",
        "whsec_c2hvcnQ=" /* 5 bytes */
      })
  void rejectsMalformedSecretsWithoutEchoingThem(String text) {
    var e = assertThrows(IllegalArgumentException.class, () -> SigningSecret.parse(text));
    if (text.length() > 6) {
      assertFalse(e.getMessage().contains(text.substring(6)));
    }
  }

  @Test
  void refusesIdsThatWouldMakeTheSignedContentAmbiguous() {
    var secrets = List.of(SigningSecret.parse(SPEC_SECRET));
    assertThrows(IllegalArgumentException.class, () -> signer.sign("a.b", 1, new byte[0], secrets));
    assertThrows(IllegalArgumentException.class, () -> signer.sign("", 1, new byte[0], secrets));
    assertThrows(IllegalArgumentException.class, () -> signer.sign("x", 1, new byte[0], List.of()));
  }

  private static OutboundRequest built(
      HttpMethod method, String url, String body, Instant now, SigningSecret secret) {
    return new RequestBuilder()
        .build(
            new RenderedRequest(
                method, url, List.of(), body, body == null ? null : "application/json"),
            "msg_9",
            now,
            SecretRing.of(secret));
  }

  private static String header(OutboundRequest request, String name) {
    return request.headers().stream()
        .filter(h -> h.name().equals(name))
        .findFirst()
        .orElseThrow()
        .value();
  }

  @Test
  void aGetIsSignedOverItsMethodAndUrlSoTheQueryCannotBeChanged() {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    SigningSecret secret = SigningSecret.generate(new SecureRandom());
    String url = "https://crm.example.com/hooks?token=s3cr3t%20value&did=74951234567&duration=95";
    OutboundRequest get = built(HttpMethod.GET, url, null, now, secret);
    var verifier = new StandardWebhooksVerifier(secret.value());
    String id = header(get, "webhook-id");
    String ts = header(get, "webhook-timestamp");
    String signature = header(get, "webhook-signature");

    verifier.verify(id, ts, signature, ("GET " + url).getBytes(StandardCharsets.UTF_8), now);
    for (String forged :
        List.of(
            "GET " + url.replace("duration=95", "duration=96"),
            "GET " + url.replace("crm.example.com", "crm.example.org"),
            "POST " + url,
            "")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> verifier.verify(id, ts, signature, forged.getBytes(StandardCharsets.UTF_8), now),
          forged);
    }
  }

  @Test
  void aPostIsSignedExactlyAsStandardWebhooksSays() {
    Instant now = Instant.ofEpochSecond(SPEC_TS);
    OutboundRequest post =
        new RequestBuilder()
            .build(
                new RenderedRequest(
                    HttpMethod.POST,
                    "https://h.example/x",
                    List.of(),
                    new String(SPEC_BODY, StandardCharsets.UTF_8),
                    "application/json"),
                SPEC_ID,
                now,
                SecretRing.of(SigningSecret.parse(SPEC_SECRET)));
    assertEquals(SPEC_SIGNATURE, header(post, "webhook-signature"));
  }
}
