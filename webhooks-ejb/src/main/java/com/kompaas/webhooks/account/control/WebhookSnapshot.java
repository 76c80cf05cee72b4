package com.kompaas.webhooks.account.control;

import com.kompaas.webhooks.subscription.entity.KeyValue;
import com.kompaas.webhooks.subscription.entity.Webhook;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A webhook's settings as JSON for the audit log, with everything secret-looking masked: the
 * signing secret, the values of headers, query and user parameters whose names suggest a
 * credential, and any password in the URL.
 */
public final class WebhookSnapshot {

  public static final String MASK = "••••••";

  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(authorization|auth|token|secret|password|passwd|pwd|api[-_]?key|apikey|cookie|signature|credential|session).*");

  private static final Pattern URL_PASSWORD = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/@:]*):[^/@]*@");

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

  public static boolean looksSecret(String name) {
    return name != null && SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }

  static String maskUrl(String url) {
    String masked = URL_PASSWORD.matcher(url).replaceFirst("$1:" + MASK + "@");
    int q = masked.indexOf('?');
    if (q < 0) {
      return masked;
    }
    StringBuilder out = new StringBuilder(masked.substring(0, q + 1));
    String[] params = masked.substring(q + 1).split("&", -1);
    for (int i = 0; i < params.length; i++) {
      String p = params[i];
      int eq = p.indexOf('=');
      out.append(i == 0 ? "" : "&");
      out.append(eq > 0 && looksSecret(p.substring(0, eq)) ? p.substring(0, eq + 1) + MASK : p);
    }
    return out.toString();
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
              .add("value", looksSecret(kv.key()) ? MASK : kv.value()));
    }
    return array;
  }
}
