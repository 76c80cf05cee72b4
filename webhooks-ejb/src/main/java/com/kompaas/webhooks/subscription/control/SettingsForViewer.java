package com.kompaas.webhooks.subscription.control;

import com.kompaas.webhooks.account.control.Credentials;
import com.kompaas.webhooks.subscription.entity.KeyValue;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import java.util.List;

/**
 * A webhook's settings as a read-only viewer sees them: every header, query and user parameter
 * value and every query value in the URL masked by {@link Credentials}' rule, whatever its name.
 */
public final class SettingsForViewer {

  private SettingsForViewer() {}

  /** What a read-only viewer may see of a webhook's settings: names, no values (see the class). */
  public static WebhookSettings of(WebhookSettings settings) {
    return settings.toBuilder()
        .url(Credentials.urlForViewer(settings.url()))
        .userParameters(maskedValues(settings.userParameters()))
        .queryParameters(maskedValues(settings.queryParameters()))
        .headers(maskedValues(settings.headers()))
        .build();
  }

  private static List<KeyValue> maskedValues(List<KeyValue> pairs) {
    return pairs.stream()
        .map(kv -> new KeyValue(kv.key(), Credentials.masked(kv.value())))
        .toList();
  }
}
