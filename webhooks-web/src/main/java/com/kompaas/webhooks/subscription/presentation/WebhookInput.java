package com.kompaas.webhooks.subscription.presentation;

import com.kompaas.webhooks.platform.control.FieldError;
import com.kompaas.webhooks.subscription.control.InvalidWebhookException;
import com.kompaas.webhooks.subscription.entity.DataType;
import com.kompaas.webhooks.subscription.entity.HttpMethod;
import com.kompaas.webhooks.subscription.entity.KeyValue;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The settings a client sends to create or change a webhook, as {@link WebhookInputReader} reads
 * them (every wrong value a 400 naming its field); absent fields take the "New Web hook" window's
 * defaults. {@code version} is required for a change: the one the client read.
 */
public record WebhookInput(
    String eventType,
    String title,
    String url,
    Boolean retryIfError,
    @Schema(description = "in any case; POST if absent") HttpMethod method,
    @Schema(description = "in any case; JSON if absent") DataType dataType,
    List<String> parameters,
    List<WebhookJson.Pair> userParameters,
    List<WebhookJson.Pair> queryParameters,
    List<WebhookJson.Pair> headers,
    String bodyTemplate,
    Boolean enabled,
    Long version) {

  /**
   * @throws InvalidWebhookException naming every field that cannot even be read
   */
  WebhookSettings settings() {
    List<FieldError> errors = new ArrayList<>();
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
        method == null ? HttpMethod.POST : method,
        dataType == null ? DataType.JSON : dataType,
        parameters,
        user,
        query,
        head,
        bodyTemplate,
        enabled == null || enabled);
  }

  private static List<KeyValue> pairs(
      List<WebhookJson.Pair> pairs, String field, List<FieldError> errors) {
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
