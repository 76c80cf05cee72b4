package com.kompaas.webhooks.account.control;

import static com.kompaas.webhooks.account.control.Credentials.MASK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.subscription.control.SettingsForViewer;
import com.kompaas.webhooks.subscription.entity.KeyValue;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void aSchemeStaysTheSecretGoes() {
    assertEquals("Bearer " + MASK, Credentials.masked("Bearer eyJhbGciOi.payload.sig"));
    assertEquals("Basic " + MASK, Credentials.masked("Basic Ym90Omh1bnRlcjI="));
    assertEquals(MASK, Credentials.masked("k-999"));
    assertEquals("", Credentials.masked(""));
    assertEquals("blue", Credentials.mask("X-Tenant", "blue"));
    assertEquals(MASK, Credentials.mask("X-Api-Key", "blue"));
  }

  @Test
  void urlsLoseTheirPasswordAndCredentialQueryValues() {
    assertEquals(
        "https://bot:" + MASK + "@crm.example/a?api%5Fkey=" + MASK + "&from={{from}}#top",
        Credentials.maskUrl("https://bot:hunter2@crm.example/a?api%5Fkey=k1&from={{from}}#top"));
    assertEquals(
        "https://crm.example/a/{{id}}", Credentials.maskUrl("https://crm.example/a/{{id}}"));
    assertEquals(
        "https://crm.example/a?token=",
        Credentials.maskUrl("https://crm.example/a?token="),
        "nothing to hide");
    assertEquals("https://bot@crm.example/a", Credentials.maskUrl("https://bot@crm.example/a"));
  }

  @Test
  void aViewerSeesTheNamesAndNoValue() {
    WebhookSettings saved =
        WebhookSettings.builder("sms.incoming")
            .title("CRM")
            .url("https://bot:hunter2@crm.example/hook?sig=abc&from={{from}}")
            .header("X-Tenant", "tenant-key-1")
            .header("Authorization", "Bearer s3cr3t")
            .queryParameter("region", "eu-key")
            .userParameter("crm_id", "user-key")
            .bodyTemplate("{{from}}")
            .build();
    WebhookSettings shown = SettingsForViewer.of(saved);
    String text = shown.toString();
    for (String secret :
        List.of("hunter2", "abc", "tenant-key-1", "s3cr3t", "eu-key", "user-key")) {
      assertFalse(text.contains(secret), secret + " shown: " + text);
    }
    assertEquals(
        "https://bot:" + MASK + "@crm.example/hook?sig=" + MASK + "&from=" + MASK, shown.url());
    assertEquals(
        List.of(new KeyValue("X-Tenant", MASK).key(), "Authorization"),
        shown.headers().stream().map(KeyValue::key).toList());
    assertEquals("Bearer " + MASK, shown.headers().get(1).value());
    assertEquals(saved.title(), shown.title());
    assertEquals(saved.bodyTemplate(), shown.bodyTemplate());
  }

  @Test
  void aViewerSeesTheAttemptLogsHeaderNamesOnly() {
    assertEquals(
        "X-Tenant: " + MASK + "\nAuthorization: Bearer " + MASK + "\nX-Empty:\n",
        Credentials.headerLinesForViewer("X-Tenant: blue\nAuthorization: Bearer abc\nX-Empty:\n"));
    assertEquals(
        "https://crm.example/a?from=" + MASK,
        Credentials.urlForViewer("https://crm.example/a?from=100"));
  }

  @Test
  void theStandardWebhooksHeadersAreNotCredentials() {
    for (String name : List.of("webhook-id", "Webhook-Timestamp", "webhook-signature")) {
      assertFalse(Credentials.looksSecret(name), name);
    }
    for (String name :
        List.of(
            "X-Signature",
            "Private-Token",
            "X-Session",
            "JWT",
            "x-bearer",
            "Proxy-Authorization")) {
      assertTrue(Credentials.looksSecret(name), name);
    }
  }
}
