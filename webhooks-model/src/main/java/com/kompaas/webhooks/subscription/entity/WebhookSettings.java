package com.kompaas.webhooks.subscription.entity;

import com.kompaas.webhooks.catalog.entity.EventParameter;
import com.kompaas.webhooks.catalog.entity.EventType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OrderColumn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * Everything a user sets on a webhook, in the order of the "New Web hook" window: a value object,
 * embedded in {@link Webhook} (its columns are the webhook row's, its lists the four collection
 * tables). Nothing outside this package changes one; {@link Webhook#change} copies another one's
 * values into the webhook's own, so that Hibernate keeps tracking the lists it loaded. The {@link
 * Builder} starts from the window's defaults (retry on, POST, JSON, enabled).
 *
 * <p>A class, not a record: Hibernate would build a record from its loaded lists and the record's
 * copies would then replace the four tables' rows at every flush.
 */
@Embeddable
public final class WebhookSettings {

  public static final int EVENT_TYPE_LENGTH = EventType.CODE_LENGTH;
  public static final int TITLE_LENGTH = 200;
  public static final int URL_LENGTH = 2048;
  public static final int PARAMETER_NAME_LENGTH = EventParameter.NAME_LENGTH;

  /** Characters, not bytes; the column is MEDIUMTEXT so four-byte characters fit too. */
  public static final int BODY_TEMPLATE_LENGTH = 64 * 1024;

  /** Most entries in each of the ticked parameters, user parameters, query parameters, headers. */
  public static final int MAX_PAIRS = 50;

  /** The event type code the webhook subscribes to. */
  @NotBlank
  @Size(max = EVENT_TYPE_LENGTH)
  @Column(name = "event_type", nullable = false, length = EVENT_TYPE_LENGTH)
  private String eventType = "";

  /** Setting 1. */
  @NotBlank
  @Size(max = TITLE_LENGTH)
  @Column(name = "title", nullable = false, length = TITLE_LENGTH)
  private String title = "";

  /** Setting 2, may contain {@code {{parameter}}} placeholders in its path and query. */
  @NotBlank
  @Size(max = URL_LENGTH)
  @Column(name = "url", nullable = false, length = URL_LENGTH)
  private String url = "";

  /** Setting 3. */
  @Column(name = "retry_if_error", nullable = false)
  private boolean retryIfError = true;

  /** Setting 4; a plain VARCHAR: Hibernate 6 would otherwise expect MariaDB's native ENUM type. */
  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(name = "method", nullable = false, columnDefinition = "VARCHAR(8)")
  private HttpMethod method = HttpMethod.POST;

  /** Setting 5. */
  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(name = "data_type", nullable = false, columnDefinition = "VARCHAR(8)")
  private DataType dataType = DataType.JSON;

  // eager, one subselect per collection and query: the UI reads webhooks after the transaction

  /** Setting 6: names of the ticked available parameters, in the order they go out. */
  @Size(max = MAX_PAIRS)
  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(
      name = "webhook_parameter",
      joinColumns = @JoinColumn(name = "webhook_id", nullable = false))
  @OrderColumn(name = "position", nullable = false)
  @Column(name = "name", nullable = false, length = PARAMETER_NAME_LENGTH)
  private List<String> parameters = new ArrayList<>();

  /** Setting 7. */
  @Valid
  @Size(max = MAX_PAIRS)
  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(
      name = "webhook_user_parameter",
      joinColumns = @JoinColumn(name = "webhook_id", nullable = false))
  @OrderColumn(name = "position", nullable = false)
  private List<KeyValue> userParameters = new ArrayList<>();

  /** Setting 8. */
  @Valid
  @Size(max = MAX_PAIRS)
  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(
      name = "webhook_query_parameter",
      joinColumns = @JoinColumn(name = "webhook_id", nullable = false))
  @OrderColumn(name = "position", nullable = false)
  private List<KeyValue> queryParameters = new ArrayList<>();

  /** Setting 9. */
  @Valid
  @Size(max = MAX_PAIRS)
  @ElementCollection(fetch = FetchType.EAGER)
  @Fetch(FetchMode.SUBSELECT)
  @CollectionTable(
      name = "webhook_header",
      joinColumns = @JoinColumn(name = "webhook_id", nullable = false))
  @OrderColumn(name = "position", nullable = false)
  private List<KeyValue> headers = new ArrayList<>();

  /** The Text body; never {@code null}, empty when unused. */
  @NotNull
  @Size(max = BODY_TEMPLATE_LENGTH)
  @Lob
  @Column(name = "body_template", nullable = false, columnDefinition = "MEDIUMTEXT")
  private String bodyTemplate = "";

  /** Whether events are delivered. */
  @Column(name = "enabled", nullable = false)
  private boolean enabled = true;

  protected WebhookSettings() {}

  /** {@code null}s mean the window's defaults (empty text, POST, JSON, no entries). */
  public WebhookSettings(
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
    this.eventType = Objects.requireNonNullElse(eventType, "");
    this.title = Objects.requireNonNullElse(title, "");
    this.url = Objects.requireNonNullElse(url, "");
    this.retryIfError = retryIfError;
    this.method = Objects.requireNonNullElse(method, HttpMethod.POST);
    this.dataType = Objects.requireNonNullElse(dataType, DataType.JSON);
    replace(this.parameters, parameters);
    replace(this.userParameters, userParameters);
    replace(this.queryParameters, queryParameters);
    replace(this.headers, headers);
    this.bodyTemplate = Objects.requireNonNullElse(bodyTemplate, "");
    this.enabled = enabled;
  }

  /** Takes over another one's values, keeping this one's list instances (Hibernate tracks them). */
  void copy(WebhookSettings other) {
    eventType = other.eventType;
    title = other.title;
    url = other.url;
    retryIfError = other.retryIfError;
    method = other.method;
    dataType = other.dataType;
    replace(parameters, other.parameters);
    replace(userParameters, other.userParameters);
    replace(queryParameters, other.queryParameters);
    replace(headers, other.headers);
    bodyTemplate = other.bodyTemplate;
    enabled = other.enabled;
  }

  void enabled(boolean enabled) {
    this.enabled = enabled;
  }

  private static <T> void replace(List<T> target, List<T> source) {
    List<T> values = source == null ? List.of() : List.copyOf(source); // also when source is target
    target.clear();
    target.addAll(values);
  }

  public String eventType() {
    return eventType;
  }

  public String title() {
    return title;
  }

  public String url() {
    return url;
  }

  public boolean retryIfError() {
    return retryIfError;
  }

  public HttpMethod method() {
    return method;
  }

  public DataType dataType() {
    return dataType;
  }

  public List<String> parameters() {
    return Collections.unmodifiableList(parameters);
  }

  public List<KeyValue> userParameters() {
    return Collections.unmodifiableList(userParameters);
  }

  public List<KeyValue> queryParameters() {
    return Collections.unmodifiableList(queryParameters);
  }

  public List<KeyValue> headers() {
    return Collections.unmodifiableList(headers);
  }

  public String bodyTemplate() {
    return bodyTemplate;
  }

  public boolean enabled() {
    return enabled;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookSettings other
        && retryIfError == other.retryIfError
        && enabled == other.enabled
        && eventType.equals(other.eventType)
        && title.equals(other.title)
        && url.equals(other.url)
        && method == other.method
        && dataType == other.dataType
        && parameters.equals(other.parameters)
        && userParameters.equals(other.userParameters)
        && queryParameters.equals(other.queryParameters)
        && headers.equals(other.headers)
        && bodyTemplate.equals(other.bodyTemplate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eventType, title, url, method, dataType, parameters.size(), bodyTemplate);
  }

  @Override
  public String toString() {
    return "WebhookSettings[" + eventType + ", " + title + ", " + method + " " + url + "]";
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
