package com.kompaas.webhooks.subscription.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.subscription.entity.Webhook;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSnapshotTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void credentialsAreMaskedAndEverythingElseIsKept() {
    Webhook w =
        new Webhook(
            "acc-1",
            WebhookSettings.builder("sms.incoming")
                .title("CRM")
                .url("https://bot:hunter2@crm.example/hook?token=abc123&from={{from}}")
                .header("Authorization", "Bearer s3cr3t")
                .header("X-Tenant", "blue")
                .queryParameter("api_key", "k-999")
                .userParameter("crm_password", "pw-1")
                .userParameter("region", "eu")
                .build(),
            NOW);
    w.changeSecret("whsec_very-secret", NOW);
    String json = WebhookSnapshot.of(w);
    for (String secret :
        new String[] {"hunter2", "abc123", "s3cr3t", "k-999", "pw-1", "whsec_very-secret"}) {
      assertFalse(json.contains(secret), secret + " leaked: " + json);
    }
    for (String kept :
        new String[] {
          "CRM",
          "crm.example/hook",
          "from={{from}}",
          "X-Tenant",
          "blue",
          "region",
          "eu",
          "Authorization"
        }) {
      assertTrue(json.contains(kept), kept + " missing: " + json);
    }
  }

  @Test
  void namesThatLookLikeCredentials() {
    for (String name :
        new String[] {
          "Authorization", "X-Api-Key", "apikey", "access_token", "Cookie", "X-Signature", "secret"
        }) {
      assertTrue(WebhookSnapshot.looksSecret(name), name);
    }
    for (String name : new String[] {"Content-Type", "X-Tenant", "from", "did"}) {
      assertFalse(WebhookSnapshot.looksSecret(name), name);
    }
  }

  @Test
  void urlWithoutQueryOrPasswordIsUnchanged() {
    assertEquals(
        "https://crm.example/a/{{id}}", WebhookSnapshot.maskUrl("https://crm.example/a/{{id}}"));
  }
}
