package com.kompaas.webhooks.intake.control;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Checks a message body against the event contract (see the README): a JSON object with {@code
 * id}, {@code type}, {@code accountId}, {@code occurredAt} and a {@code data} object. Pure, so the
 * contract is tested without a container.
 */
public class EventParser {

  /**
   * Looked up once: {@code Json.createReader} and kin look the provider up on every call, a
   * service-loader scan of the application's class path that cost a fifth of the CPU of intake
   * and delivery (see docs/benchmarks.md).
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** Bodies above this many characters are rejected before parsing. */
  public static final int MAX_BODY_CHARS = 256 * 1024;

  public static final int MAX_ID_LENGTH = 128;
  public static final int MAX_TYPE_LENGTH = 128;
  public static final int MAX_ACCOUNT_ID_LENGTH = 64;

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
  private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_.:-]+");

  public IncomingEvent parse(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidEventException("empty body");
    }
    if (body.length() > MAX_BODY_CHARS) {
      throw new InvalidEventException(
          "body has " + body.length() + " characters, more than the limit of " + MAX_BODY_CHARS);
    }
    JsonObject json = readObject(body);
    String id = requiredText(json, "id", MAX_ID_LENGTH);
    String type = requiredText(json, "type", MAX_TYPE_LENGTH);
    if (!TYPE.matcher(type).matches()) {
      throw new InvalidEventException("type '" + type + "' is not an event type code like call.incoming.start");
    }
    String accountId = requiredText(json, "accountId", MAX_ACCOUNT_ID_LENGTH);
    if (!ACCOUNT_ID.matcher(accountId).matches()) {
      throw new InvalidEventException("accountId has characters other than letters, digits and _.:-");
    }
    Instant occurredAt = timestamp(requiredText(json, "occurredAt", 64));
    JsonValue data = json.get("data");
    if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidEventException("data is missing or not a JSON object");
    }
    return new IncomingEvent(id, type, accountId, occurredAt, data.toString());
  }

  private static JsonObject readObject(String body) {
    try (var reader = JSON.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidEventException("body is JSON but not an object");
      }
      return value.asJsonObject();
    } catch (JsonParsingException e) {
      throw new InvalidEventException("malformed JSON: " + e.getMessage());
    } catch (JsonException e) {
      throw new InvalidEventException("unreadable JSON: " + e.getMessage());
    }
  }

  /** Accepts a string, or a whole number for ids that producers keep numeric. */
  private static String requiredText(JsonObject json, String field, int maxLength) {
    JsonValue value = json.get(field);
    String text;
    if (value instanceof JsonString s) {
      text = s.getString().strip();
    } else if (value instanceof JsonNumber n && n.isIntegral()) {
      text = n.bigIntegerValue().toString();
    } else if (value == null || value == JsonValue.NULL) {
      throw new InvalidEventException(field + " is missing");
    } else {
      throw new InvalidEventException(field + " must be a string");
    }
    if (text.isEmpty()) {
      throw new InvalidEventException(field + " is empty");
    }
    if (text.length() > maxLength) {
      throw new InvalidEventException(field + " is longer than " + maxLength + " characters");
    }
    return text;
  }

  private static Instant timestamp(String text) {
    try {
      return IsoInstant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException(
          "occurredAt '" + text + "' is not an ISO-8601 date-time with offset, like 2026-11-28T10:15:30Z");
    }
  }
}
