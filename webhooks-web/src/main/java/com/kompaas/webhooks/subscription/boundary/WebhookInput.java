package com.kompaas.webhooks.subscription.boundary;

import com.kompaas.webhooks.subscription.control.FieldError;
import com.kompaas.webhooks.subscription.control.InvalidWebhookException;
import com.kompaas.webhooks.subscription.entity.DataType;
import com.kompaas.webhooks.subscription.entity.HttpMethod;
import com.kompaas.webhooks.subscription.entity.KeyValue;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The settings a client sends to create or change a webhook; absent fields take the "New Web hook"
 * window's defaults. {@code version} is required for a change: the one the client read.
 */
public record WebhookInput(
    String eventType,
    String title,
    String url,
    Boolean retryIfError,
    String method,
    String dataType,
    List<String> parameters,
    List<WebhookJson.Pair> userParameters,
    List<WebhookJson.Pair> queryParameters,
    List<WebhookJson.Pair> headers,
    String bodyTemplate,
    Boolean enabled,
    Long version) {

  /** @throws InvalidWebhookException naming every field that cannot even be read */
  WebhookSettings settings() {
    List<FieldError> errors = new ArrayList<>();
    HttpMethod m = parse(HttpMethod.class, method, HttpMethod.POST, "method", errors);
    DataType d = parse(DataType.class, dataType, DataType.JSON, "dataType", errors);
    List<KeyValue> user = pairs(userParameters, "userParameters", errors);
    List<KeyValue> query = pairs(queryParameters, "queryParameters", errors);
    List<KeyValue> head = pairs(headers, "headers", errors);
    if (!errors.isEmpty()) {
      throw new InvalidWebhookException(errors);
    }
    return new WebhookSettings(
        eventType,
        title,
        url,
        retryIfError == null || retryIfError,
        m,
        d,
        parameters,
        user,
        query,
        head,
        bodyTemplate,
        enabled == null || enabled);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "Unknown value '" + value + "'"));
      return fallback;
    }
  }

  private static List<KeyValue> pairs(List<WebhookJson.Pair> pairs, String field, List<FieldError> errors) {
    List<KeyValue> result = new ArrayList<>();
    if (pairs == null) {
      return result;
    }
    for (int i = 0; i < pairs.size(); i++) {
      WebhookJson.Pair p = pairs.get(i);
      try {
        result.add(new KeyValue(p == null ? null : p.name(), p == null ? null : p.value()));
      } catch (RuntimeException e) {
        errors.add(new FieldError(field + "[" + i + "]", e.getMessage()));
      }
    }
    return result;
  }
}
