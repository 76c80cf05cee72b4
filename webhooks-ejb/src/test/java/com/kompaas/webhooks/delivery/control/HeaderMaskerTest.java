package com.kompaas.webhooks.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.kompaas.webhooks.subscription.control.WebhookSnapshot;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The attempt log masks by the same rule as the audit log. */
class HeaderMaskerTest {

  private static final List<String> NAMES =
      List.of(
          "Authorization",
          "Proxy-Authorization",
          "X-Api-Key",
          "apikey",
          "X-Auth-Token",
          "Cookie",
          "Set-Cookie",
          "X-Session-Id",
          "X-Signature",
          "X-Credential",
          "crm_password",
          "X-Pwd",
          "X-Access-Key",
          "Content-Type",
          "X-Tenant",
          "webhook-id",
          "webhook-timestamp",
          "webhook-signature",
          "User-Agent");

  @Test
  void theAttemptLogAndTheAuditLogCallTheSameNamesCredentials() {
    for (String name : NAMES) {
      assertEquals(WebhookSnapshot.looksSecret(name), HeaderMasker.sensitive(name), name);
      assertEquals(
          !List.of(
                  "Content-Type",
                  "X-Tenant",
                  "webhook-id",
                  "webhook-timestamp",
                  "webhook-signature",
                  "User-Agent")
              .contains(name),
          HeaderMasker.sensitive(name),
          name);
    }
  }

  @Test
  void theLoggedUrlHidesItsPasswordAndQuerySecrets() {
    assertEquals(
        "https://bot:"
            + WebhookSnapshot.MASK
            + "@crm.example/hook?token="
            + WebhookSnapshot.MASK
            + "&from=100",
        HeaderMasker.url(URI.create("https://bot:hunter2@crm.example/hook?token=abc123&from=100")));
  }

  @Test
  void aMaskedValueKeepsNothingOfTheSecret() {
    String text =
        HeaderMasker.requestHeaders(
            List.of(
                new OutboundRequest.Header("X-Session-Id", "s3cr3t-session-value"),
                new OutboundRequest.Header("X-Api-Key", "k3y-value-123456"),
                new OutboundRequest.Header("Authorization", "Bearer t0ken-value-abcdef")));
    for (String part : List.of("s3cr", "k3y", "t0ke")) {
      assertFalse(text.contains(part), part + " leaked: " + text);
    }
    assertEquals(
        "Set-Cookie: " + WebhookSnapshot.MASK + "\n",
        HeaderMasker.responseHeaders(Map.of("Set-Cookie", List.of("sid=abc123"))));
  }
}
