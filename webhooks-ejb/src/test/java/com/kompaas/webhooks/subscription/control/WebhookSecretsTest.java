package com.kompaas.webhooks.subscription.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.outbound.control.SecretRing;
import com.kompaas.webhooks.outbound.control.SigningSecret;
import com.kompaas.webhooks.subscription.entity.Webhook;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rotation as production stores it: every replaced secret signs for its own 24 hours. */
class WebhookSecretsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final SecureRandom RANDOM = new SecureRandom();

  private static Webhook signingWebhook(SigningSecret first) {
    Webhook w =
        new Webhook(
            "acc",
            WebhookSettings.builder("sms.incoming").title("t").url("https://x.example/").build(),
            T0);
    w.changeSecret(first.value(), T0);
    return w;
  }

  @Test
  void aSecondRotationWithinADayKeepsTheFirstOldSecretForItsFull24Hours() {
    SigningSecret first = SigningSecret.generate(RANDOM);
    SigningSecret second = SigningSecret.generate(RANDOM);
    SigningSecret third = SigningSecret.generate(RANDOM);
    Webhook w = signingWebhook(first);
    Instant t1 = T0.plus(Duration.ofHours(1));
    Instant t2 = T0.plus(Duration.ofHours(2));
    WebhookSecrets.rotate(w, second, t1);
    WebhookSecrets.rotate(w, third, t2);

    SecretRing stored = WebhookSecrets.ring(w).orElseThrow();
    assertEquals(List.of(third, second, first), stored.signingAt(t2));
    assertEquals(
        List.of(third, second, first),
        stored.signingAt(t1.plus(Duration.ofHours(24)).minusSeconds(1)));
    assertEquals(
        List.of(third, second),
        stored.signingAt(t1.plus(Duration.ofHours(24))),
        "the first expires 24 h after its rotation");
    assertEquals(List.of(third), stored.signingAt(t2.plus(Duration.ofHours(24))));
    assertEquals(third.value(), w.getSecret());
  }

  @Test
  void atMostFiveOldSecretsSignAndTheOldestGoesFirst() {
    List<SigningSecret> all = new ArrayList<>();
    all.add(SigningSecret.generate(RANDOM));
    Webhook w = signingWebhook(all.get(0));
    for (int i = 1; i <= 7; i++) {
      SigningSecret next = SigningSecret.generate(RANDOM);
      all.add(next);
      WebhookSecrets.rotate(w, next, T0.plus(Duration.ofMinutes(i)));
    }
    Instant now = T0.plus(Duration.ofMinutes(8));
    List<SigningSecret> signing = WebhookSecrets.ring(w).orElseThrow().signingAt(now);
    assertEquals(1 + SecretRing.MAX_PREVIOUS, signing.size());
    assertEquals(
        List.of(all.get(7), all.get(6), all.get(5), all.get(4), all.get(3), all.get(2)), signing);
    assertEquals(SecretRing.MAX_PREVIOUS, w.getRetiredSecrets().size());
  }

  @Test
  void expiredSecretsAreDroppedAtTheNextRotation() {
    Webhook w = signingWebhook(SigningSecret.generate(RANDOM));
    WebhookSecrets.rotate(w, SigningSecret.generate(RANDOM), T0);
    WebhookSecrets.rotate(w, SigningSecret.generate(RANDOM), T0.plus(Duration.ofDays(2)));
    assertEquals(1, w.getRetiredSecrets().size());
    assertTrue(w.getRetiredSecrets().get(0).expiresAt().isAfter(T0.plus(Duration.ofDays(2))));
  }

  @Test
  void aWebhookWithoutSecretDoesNotSign() {
    Webhook w = signingWebhook(SigningSecret.generate(RANDOM));
    w.changeSecret(null, T0);
    assertTrue(WebhookSecrets.ring(w).isEmpty());
  }
}
