package com.kompaas.webhooks.subscription.presentation;

import com.kompaas.webhooks.subscription.control.SettingsForViewer;
import com.kompaas.webhooks.subscription.entity.DataType;
import com.kompaas.webhooks.subscription.entity.HttpMethod;
import com.kompaas.webhooks.subscription.entity.KeyValue;
import com.kompaas.webhooks.subscription.entity.Webhook;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import java.time.Instant;
import java.util.List;

/**
 * A webhook as the REST API shows it. The signing secret is never included, only whether one is set
 * (admins read it at {@code GET /webhooks/{id}/secret}). A viewer's copy has every header, query
 * and user parameter value masked ({@link SettingsForViewer#of}).
 *
 * @param disabledReason why the system switched the webhook off (410 Gone, failing for days);
 *     absent while it is on or when a user switched it off
 * @param disabledAt when the system switched it off
 */
public record WebhookJson(
    long id,
    long version,
    String eventType,
    String title,
    String url,
    boolean retryIfError,
    HttpMethod method,
    DataType dataType,
    List<String> parameters,
    List<Pair> userParameters,
    List<Pair> queryParameters,
    List<Pair> headers,
    String bodyTemplate,
    boolean enabled,
    boolean secretSet,
    String disabledReason,
    Instant disabledAt,
    Instant createdAt,
    Instant updatedAt) {

  /** One key/value entry. */
  public record Pair(String name, String value) {
    static List<Pair> of(List<KeyValue> pairs) {
      return pairs.stream().map(kv -> new Pair(kv.key(), kv.value())).toList();
    }
  }

  /** The webhook as an admin sees it: every value, to edit it. */
  static WebhookJson of(Webhook w) {
    return of(w, w.settings());
  }

  /** The webhook as a read-only viewer sees it: names and no stored credential. */
  static WebhookJson forViewer(Webhook w) {
    return of(w, SettingsForViewer.of(w.settings()));
  }

  private static WebhookJson of(Webhook w, WebhookSettings s) {
    return new WebhookJson(
        w.getId(),
        w.getVersion(),
        s.eventType(),
        s.title(),
        s.url(),
        s.retryIfError(),
        s.method(),
        s.dataType(),
        s.parameters(),
        Pair.of(s.userParameters()),
        Pair.of(s.queryParameters()),
        Pair.of(s.headers()),
        s.bodyTemplate(),
        w.isEnabled(),
        w.getSecret() != null,
        w.getDisabledReason(),
        w.getDisabledAt(),
        w.getCreatedAt(),
        w.getUpdatedAt());
  }
}
