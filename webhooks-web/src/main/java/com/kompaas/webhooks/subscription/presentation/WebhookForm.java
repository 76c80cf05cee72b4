package com.kompaas.webhooks.subscription.presentation;

import com.kompaas.webhooks.catalog.entity.EventParameter;
import com.kompaas.webhooks.catalog.entity.EventType;
import com.kompaas.webhooks.subscription.entity.DataType;
import com.kompaas.webhooks.subscription.entity.HttpMethod;
import com.kompaas.webhooks.subscription.entity.KeyValue;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the settings window holds while the user edits: the nine fields of the help article, with
 * rows that may still be half filled. {@link #settings()} turns it into what the facade checks.
 */
public class WebhookForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One editable row of user parameters, query parameters or headers. */
  public static class Pair implements Serializable {
    private static final long serialVersionUID = 1L;
    private String key = "";
    private String value = "";

    public Pair() {}

    Pair(KeyValue kv) {
      this.key = kv.key();
      this.value = kv.value();
    }

    public String getKey() {
      return key;
    }

    public void setKey(String key) {
      this.key = key == null ? "" : key;
    }

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value == null ? "" : value;
    }
  }

  private String eventType;
  private String title = "";
  private String url = "";
  private boolean retryIfError = true;
  private HttpMethod method = HttpMethod.POST;
  private DataType dataType = DataType.JSON;

  /** Ticked parameters, kept in catalogue order. */
  private final Map<String, Boolean> ticked = new LinkedHashMap<>();

  private final List<Pair> userParameters = new ArrayList<>();
  private final List<Pair> queryParameters = new ArrayList<>();
  private final List<Pair> headers = new ArrayList<>();
  private String bodyTemplate = "";
  private boolean enabled = true;

  public static WebhookForm of(EventType type, WebhookSettings settings) {
    WebhookForm form = new WebhookForm();
    form.eventType = type.getCode();
    for (EventParameter p : type.getParameters()) {
      form.ticked.put(p.getName(), settings != null && settings.parameters().contains(p.getName()));
    }
    if (settings != null) {
      form.title = settings.title();
      form.url = settings.url();
      form.retryIfError = settings.retryIfError();
      form.method = settings.method();
      form.dataType = settings.dataType();
      settings.userParameters().forEach(kv -> form.userParameters.add(new Pair(kv)));
      settings.queryParameters().forEach(kv -> form.queryParameters.add(new Pair(kv)));
      settings.headers().forEach(kv -> form.headers.add(new Pair(kv)));
      form.bodyTemplate = settings.bodyTemplate();
      form.enabled = settings.enabled();
    }
    return form;
  }

  /** The settings as entered; rows without a name are left out, as the user sees them as unused. */
  public WebhookSettings settings() {
    return WebhookSettings.builder(eventType)
        .title(title.strip())
        .url(url.strip())
        .retryIfError(retryIfError)
        .method(method)
        .dataType(dataType)
        .parameters(
            ticked.entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .toList())
        .userParameters(pairs(userParameters))
        .queryParameters(pairs(queryParameters))
        .headers(pairs(headers))
        .bodyTemplate(bodyTemplate)
        .enabled(enabled)
        .build();
  }

  private static List<KeyValue> pairs(List<Pair> rows) {
    return rows.stream()
        .filter(p -> !p.key.isBlank())
        .map(
            p ->
                new KeyValue(
                    p.key.length() > KeyValue.KEY_LENGTH
                        ? p.key.substring(0, KeyValue.KEY_LENGTH)
                        : p.key,
                    p.value.length() > KeyValue.VALUE_LENGTH
                        ? p.value.substring(0, KeyValue.VALUE_LENGTH)
                        : p.value))
        .toList();
  }

  public String getEventType() {
    return eventType;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title == null ? "" : title;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url == null ? "" : url;
  }

  public boolean isRetryIfError() {
    return retryIfError;
  }

  public void setRetryIfError(boolean retryIfError) {
    this.retryIfError = retryIfError;
  }

  public HttpMethod getMethod() {
    return method;
  }

  public void setMethod(HttpMethod method) {
    this.method = method == null ? HttpMethod.POST : method;
  }

  public DataType getDataType() {
    return dataType;
  }

  public void setDataType(DataType dataType) {
    this.dataType = dataType == null ? DataType.JSON : dataType;
  }

  public Map<String, Boolean> getTicked() {
    return ticked;
  }

  public List<Pair> getUserParameters() {
    return userParameters;
  }

  public List<Pair> getQueryParameters() {
    return queryParameters;
  }

  public List<Pair> getHeaders() {
    return headers;
  }

  public String getBodyTemplate() {
    return bodyTemplate;
  }

  public void setBodyTemplate(String bodyTemplate) {
    this.bodyTemplate = bodyTemplate == null ? "" : bodyTemplate;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
