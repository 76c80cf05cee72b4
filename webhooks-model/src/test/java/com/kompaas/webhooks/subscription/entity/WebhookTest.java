package com.kompaas.webhooks.subscription.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-02T00:00:00Z");

  private static WebhookSettings full() {
    return WebhookSettings.builder("call.incoming.end")
        .title("CRM")
        .url("https://crm.example.com/{{did}}")
        .retryIfError(false)
        .method(HttpMethod.GET)
        .dataType(DataType.TEXT)
        .parameters("did", "duration")
        .userParameter("u", "1")
        .queryParameter("q", "2")
        .header("X-H", "3")
        .bodyTemplate("body")
        .enabled(false)
        .build();
  }

  @Test
  void builderStartsFromTheWindowDefaults() {
    WebhookSettings s = WebhookSettings.builder("sms.incoming").build();
    assertTrue(s.retryIfError());
    assertEquals(HttpMethod.POST, s.method());
    assertEquals(DataType.JSON, s.dataType());
    assertTrue(s.enabled());
    assertEquals("", s.bodyTemplate());
    assertEquals(List.of(), s.headers());
  }

  @Test
  void keepsEverySetting() {
    Webhook webhook = new Webhook("acc-1", full(), T0);

    assertEquals(full(), webhook.settings());
    assertEquals("acc-1", webhook.getAccountId());
    assertEquals(T0, webhook.getCreatedAt());
    assertEquals(T0, webhook.getUpdatedAt());
    assertNull(webhook.getSecret());
  }

  @Test
  void changeReplacesAllSettingsAndKeepsCreation() {
    Webhook webhook = new Webhook("acc-1", full(), T0);
    WebhookSettings changed =
        full().toBuilder()
            .title("New")
            .headers(List.of(KeyValue.of("X-B", "4")))
            .enabled(true)
            .build();

    webhook.change(changed, T1);

    assertEquals(changed, webhook.settings());
    assertEquals(List.of(KeyValue.of("X-B", "4")), webhook.getHeaders());
    assertEquals(T0, webhook.getCreatedAt());
    assertEquals(T1, webhook.getUpdatedAt());
  }

  @Test
  void enablesAndDisables() {
    Webhook webhook = new Webhook("acc-1", full(), T0);
    webhook.enable(T1);
    assertTrue(webhook.isEnabled());
    webhook.disable(T1);
    assertFalse(webhook.isEnabled());
  }

  @Test
  void secretFitsItsColumn() {
    Webhook webhook = new Webhook("acc-1", full(), T0);
    webhook.changeSecret("s".repeat(Webhook.SECRET_LENGTH), T1);
    assertEquals(Webhook.SECRET_LENGTH, webhook.getSecret().length());
    assertThrows(
        IllegalArgumentException.class,
        () -> webhook.changeSecret("s".repeat(Webhook.SECRET_LENGTH + 1), T1));
    webhook.changeSecret(null, T1);
    assertNull(webhook.getSecret());
  }

  @Test
  void requiresAnAccount() {
    assertThrows(IllegalArgumentException.class, () -> new Webhook(" ", full(), T0));
    assertThrows(IllegalArgumentException.class, () -> new Webhook("a".repeat(65), full(), T0));
  }

  @Test
  void settingsListsCannotBeChangedFromOutside() {
    Webhook webhook = new Webhook("acc-1", full(), T0);
    assertThrows(UnsupportedOperationException.class, () -> webhook.getHeaders().clear());
    assertThrows(
        UnsupportedOperationException.class, () -> webhook.settings().parameters().clear());
  }

  @Test
  void aDeletedWebhookKeepsItsTitleForTheLogButIsOffAndUnsigned() {
    Webhook webhook = new Webhook("acc-1", full().toBuilder().enabled(true).build(), T0);
    webhook.replaceSecrets(
        "whsec_new", List.of(new RetiredSecret("whsec_old", T1.plusSeconds(86_400))), T1);

    webhook.delete(T1);

    assertTrue(webhook.isDeleted());
    assertEquals(T1, webhook.getDeletedAt());
    assertFalse(webhook.isEnabled(), "nothing is delivered to it");
    assertEquals("CRM", webhook.getTitle(), "the log still names it");
    assertNull(webhook.getSecret());
    assertEquals(List.of(), webhook.getRetiredSecrets(), "no old secret signs either");

    webhook.delete(T1.plusSeconds(60));
    assertEquals(T1, webhook.getDeletedAt(), "deleted once");
  }
}
