package com.kompaas.webhooks.subscription.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a user sets on a webhook, in the order of the "New Web hook" window. Immutable; the
 * {@link Builder} starts from the window's defaults (retry on, POST, JSON, enabled).
 *
 * @param eventType the event type code the webhook subscribes to
 * @param title setting 1
 * @param url setting 2, may contain {@code {{parameter}}} placeholders in its path and query
 * @param retryIfError setting 3
 * @param method setting 4
 * @param dataType setting 5
 * @param parameters setting 6: names of the ticked available parameters, in the order they go out
 * @param userParameters setting 7
 * @param queryParameters setting 8
 * @param headers setting 9
 * @param bodyTemplate the Text body; never {@code null}, empty when unused
 * @param enabled whether events are delivered
 */
public record WebhookSettings(
    String eventType,
    String title,
    String url,
    boolean retryIfError,
    HttpMethod method,
    DataType dataType,
    List<String> parameters,
    List<KeyValue> userParameters,
    List<KeyValue> queryParameters,
    List<KeyValue> headers,
    String bodyTemplate,
    boolean enabled) {

  public WebhookSettings {
    eventType = eventType == null ? "" : eventType;
    title = title == null ? "" : title;
    url = url == null ? "" : url;
    method = Objects.requireNonNullElse(method, HttpMethod.POST);
    dataType = Objects.requireNonNullElse(dataType, DataType.JSON);
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
    userParameters = userParameters == null ? List.of() : List.copyOf(userParameters);
    queryParameters = queryParameters == null ? List.of() : List.copyOf(queryParameters);
    headers = headers == null ? List.of() : List.copyOf(headers);
    bodyTemplate = bodyTemplate == null ? "" : bodyTemplate;
  }

  public static Builder builder(String eventType) {
    return new Builder().eventType(eventType);
  }

  public Builder toBuilder() {
    return new Builder()
        .eventType(eventType)
        .title(title)
        .url(url)
        .retryIfError(retryIfError)
        .method(method)
        .dataType(dataType)
        .parameters(parameters)
        .userParameters(userParameters)
        .queryParameters(queryParameters)
        .headers(headers)
        .bodyTemplate(bodyTemplate)
        .enabled(enabled);
  }

  /** Collects settings field by field, as a form or a test fills them in. */
  public static final class Builder {
    private String eventType = "";
    private String title = "";
    private String url = "";
    private boolean retryIfError = true;
    private HttpMethod method = HttpMethod.POST;
    private DataType dataType = DataType.JSON;
    private List<String> parameters = new ArrayList<>();
    private List<KeyValue> userParameters = new ArrayList<>();
    private List<KeyValue> queryParameters = new ArrayList<>();
    private List<KeyValue> headers = new ArrayList<>();
    private String bodyTemplate = "";
    private boolean enabled = true;

    private Builder() {}

    public Builder eventType(String eventType) {
      this.eventType = eventType;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder retryIfError(boolean retryIfError) {
      this.retryIfError = retryIfError;
      return this;
    }

    public Builder method(HttpMethod method) {
      this.method = method;
      return this;
    }

    public Builder dataType(DataType dataType) {
      this.dataType = dataType;
      return this;
    }

    public Builder parameters(List<String> names) {
      this.parameters = new ArrayList<>(names);
      return this;
    }

    public Builder parameters(String... names) {
      return parameters(List.of(names));
    }

    public Builder userParameters(List<KeyValue> pairs) {
      this.userParameters = new ArrayList<>(pairs);
      return this;
    }

    public Builder userParameter(String name, String value) {
      userParameters.add(new KeyValue(name, value));
      return this;
    }

    public Builder queryParameters(List<KeyValue> pairs) {
      this.queryParameters = new ArrayList<>(pairs);
      return this;
    }

    public Builder queryParameter(String name, String value) {
      queryParameters.add(new KeyValue(name, value));
      return this;
    }

    public Builder headers(List<KeyValue> pairs) {
      this.headers = new ArrayList<>(pairs);
      return this;
    }

    public Builder header(String name, String value) {
      headers.add(new KeyValue(name, value));
      return this;
    }

    public Builder bodyTemplate(String bodyTemplate) {
      this.bodyTemplate = bodyTemplate;
      return this;
    }

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public WebhookSettings build() {
      return new WebhookSettings(
          eventType,
          title,
          url,
          retryIfError,
          method,
          dataType,
          parameters,
          userParameters,
          queryParameters,
          headers,
          bodyTemplate,
          enabled);
    }
  }
}
