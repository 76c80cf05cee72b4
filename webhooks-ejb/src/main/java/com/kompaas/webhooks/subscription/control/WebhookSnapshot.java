package com.kompaas.webhooks.subscription.control;

import com.kompaas.webhooks.account.control.Credentials;
import com.kompaas.webhooks.subscription.entity.KeyValue;
import com.kompaas.webhooks.subscription.entity.Webhook;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * A webhook's settings as JSON for the audit log, with the signing secret masked and everything
 * else by the one rule of {@link Credentials} (the attempt log uses the same): the values of
 * headers, query and user parameters whose names suggest a credential, and any password in the URL.
 */
public final class WebhookSnapshot {

  public static final String MASK = Credentials.MASK;

  private WebhookSnapshot() {}

  public static String of(Webhook w) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("eventType", w.getEventType())
            .add("title", w.getTitle())
            .add("url", maskUrl(w.getUrl()))
            .add("retryIfError", w.isRetryIfError())
            .add("method", w.getMethod().name())
            .add("dataType", w.getDataType().name())
            .add("parameters", strings(w.getParameters()))
            .add("userParameters", pairs(w.getUserParameters()))
            .add("queryParameters", pairs(w.getQueryParameters()))
            .add("headers", pairs(w.getHeaders()))
            .add("bodyTemplate", w.getBodyTemplate())
            .add("enabled", w.isEnabled())
            .add("secret", w.getSecret() == null ? "none" : MASK);
    if (w.getDisabledReason() != null) {
      json.add("disabledReason", w.getDisabledReason()); // why the system switched it off
    }
    return json.build().toString();
  }

  /**
   * @see Credentials#looksSecret
   */
  public static boolean looksSecret(String name) {
    return Credentials.looksSecret(name);
  }

  static String maskUrl(String url) {
    return Credentials.maskUrl(url);
  }

  private static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  private static JsonArrayBuilder pairs(List<KeyValue> pairs) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (KeyValue kv : pairs) {
      array.add(
          Json.createObjectBuilder()
              .add("name", kv.key())
              .add("value", Credentials.mask(kv.key(), kv.value())));
    }
    return array;
  }
}
