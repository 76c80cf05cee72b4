package com.kompaas.webhooks.subscription.control;

import com.kompaas.webhooks.event.entity.Event;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The values a webhook can use for one event: the event's own parameters plus the common ones. The
 * common ones come from the stored envelope and win over a parameter of the same name.
 */
public final class EventValues {

  /**
   * Looked up once: {@code Json.createReader} and kin look the provider up on every call, a
   * service-loader scan of the application's class path that cost a fifth of the CPU of intake and
   * delivery (see docs/benchmarks.md).
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  private EventValues() {}

  public static JsonObject of(Event event) {
    return of(
        event.getExternalId(),
        event.getType(),
        event.getAccountId(),
        event.getOccurredAt(),
        readObject(event.getData()));
  }

  public static JsonObject of(
      String eventId, String eventType, String accountId, Instant occurredAt, JsonObject data) {
    JsonObjectBuilder values = JSON.createObjectBuilder();
    data.forEach(values::add);
    return values
        .add("eventId", eventId)
        .add("eventType", eventType)
        .add("accountId", accountId)
        .add("timestamp", occurredAt.getEpochSecond())
        .add("occurredAt", DateTimeFormatter.ISO_INSTANT.format(occurredAt))
        .build();
  }

  private static JsonObject readObject(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      JsonValue value = reader.readValue();
      return value.getValueType() == JsonValue.ValueType.OBJECT
          ? value.asJsonObject()
          : JsonValue.EMPTY_JSON_OBJECT;
    }
  }
}
