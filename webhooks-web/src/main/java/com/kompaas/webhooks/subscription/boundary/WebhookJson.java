package com.kompaas.webhooks.subscription.boundary;

import com.kompaas.webhooks.subscription.entity.DataType;
import com.kompaas.webhooks.subscription.entity.HttpMethod;
import com.kompaas.webhooks.subscription.entity.KeyValue;
import com.kompaas.webhooks.subscription.entity.Webhook;
import java.time.Instant;
import java.util.List;

/**
 * A webhook as the REST API shows it. The signing secret is never included, only whether one is
 * set.
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
    Instant createdAt,
    Instant updatedAt) {

  /** One key/value entry. */
  public record Pair(String name, String value) {
    static List<Pair> of(List<KeyValue> pairs) {
      return pairs.stream().map(kv -> new Pair(kv.key(), kv.value())).toList();
    }
  }

  static WebhookJson of(Webhook w) {
    return new WebhookJson(
        w.getId(),
        w.getVersion(),
        w.getEventType(),
        w.getTitle(),
        w.getUrl(),
        w.isRetryIfError(),
        w.getMethod(),
        w.getDataType(),
        w.getParameters(),
        Pair.of(w.getUserParameters()),
        Pair.of(w.getQueryParameters()),
        Pair.of(w.getHeaders()),
        w.getBodyTemplate(),
        w.isEnabled(),
        w.getSecret() != null,
        w.getCreatedAt(),
        w.getUpdatedAt());
  }
}
