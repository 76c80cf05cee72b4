package com.kompaas.webhooks.subscription.control;

import com.kompaas.webhooks.catalog.entity.EventParameter;
import com.kompaas.webhooks.catalog.entity.EventType;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Renders settings for an event made of the catalogue's example values. */
public class Preview {

  /**
   * Looked up once: the {@code Json} shortcuts look the provider up on every call, which is slow.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  private final RequestRenderer renderer = new RequestRenderer();

  /**
   * @param accountId replaces the catalogue's example account, so users see their own; may be
   *     {@code null}
   */
  public RenderedRequest render(WebhookSettings settings, EventType type, String accountId) {
    return renderer.render(settings, exampleValues(type, accountId));
  }

  /** Every parameter of the type with its example, typed as the catalogue says. */
  public JsonObject exampleValues(EventType type, String accountId) {
    JsonObjectBuilder values = JSON.createObjectBuilder();
    for (EventParameter p : type.getParameters()) {
      values.add(p.getName(), example(p));
    }
    values.add("eventType", type.getCode());
    if (accountId != null) {
      values.add("accountId", accountId);
    }
    return values.build();
  }

  /** An example that does not parse as its type is shown as the text an operator wrote. */
  static JsonValue example(EventParameter p) {
    String text = p.getExample();
    try {
      return switch (p.getType()) {
        case STRING -> JSON.createValue(text);
        case INTEGER -> JSON.createValue(new BigInteger(text.strip()));
        case NUMBER -> JSON.createValue(new BigDecimal(text.strip()));
        case BOOLEAN ->
            switch (text.strip()) {
              case "true" -> JsonValue.TRUE;
              case "false" -> JsonValue.FALSE;
              default -> JSON.createValue(text);
            };
        case OBJECT, ARRAY -> {
          try (var reader = JSON.createReader(new StringReader(text))) {
            yield reader.readValue();
          }
        }
      };
    } catch (NumberFormatException | JsonException e) {
      return JSON.createValue(text);
    }
  }
}
