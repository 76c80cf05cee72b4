package com.kompaas.webhooks.intake.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a message body against the event contract (see the README): one JSON object with {@code
 * id}, {@code type}, {@code accountId}, {@code occurredAt} and a {@code data} object, within the
 * limits below. Pure, so the contract is tested without a container.
 *
 * <p>Every body that breaks the contract ends in an {@link InvalidEventException} whose message
 * starts with the field it is about: the JMS intake dead-letters it, the HTTP intake answers 400
 * naming the field. Nothing the text holds may reach the database and fail there, since a failure
 * in storing is taken for an outage and retried: hence the limits on nesting, numbers, dates and
 * text that MariaDB cannot hold.
 *
 * <p>The body is read with JSON-P's streaming parser rather than its reader, because the reader
 * keeps the last of duplicate keys without a word, ignores whatever follows the first value, and
 * fails deep nesting and long numbers with bare runtime exceptions. Duplicate keys are refused at
 * every level, inside {@code data} too: a receiver's JSON library may keep the first where we kept
 * the last.
 */
public class EventParser {

  /**
   * Looked up once: {@code Json.createReader} and kin look the provider up on every call, a
   * service-loader scan of the application's class path that cost a fifth of the CPU of intake and
   * delivery (see docs/benchmarks.md).
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** Bodies above this many bytes, in UTF-8, are rejected before parsing (256 KiB). */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  /**
   * Objects and arrays nested at most this deep, the body itself being level 1 and {@code data}
   * level 2. Below Parsson's own limit (1,000), which fails with a bare runtime exception.
   */
  public static final int MAX_DEPTH = 100;

  /**
   * A number is at most this many characters as written, enough for any id (which is at most as
   * long) and far below Parsson's limit (1,100), which fails with a bare runtime exception.
   */
  public static final int MAX_NUMBER_CHARS = 128;

  public static final int MAX_ID_LENGTH = 128;
  public static final int MAX_TYPE_LENGTH = 128;
  public static final int MAX_ACCOUNT_ID_LENGTH = 64;

  /** The range of the DATETIME(6) column {@code event.occurred_at} (V1__intake.sql), in UTC. */
  public static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
  private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_.:-]+");
  private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");

  /** Paths in reasons are cut here: a reason is stored with at most 1,000 characters. */
  private static final int MAX_PATH_IN_REASON = 200;

  public IncomingEvent parse(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidEventException("empty body");
    }
    long bytes = Utf8.length(body);
    if (bytes > MAX_BODY_BYTES) {
      throw new InvalidEventException(
          "body has "
              + bytes
              + " bytes in UTF-8, more than the limit of "
              + MAX_BODY_BYTES
              + " (256 KiB)");
    }
    JsonObject json = readObject(body);
    String id = requiredText(json, "id", MAX_ID_LENGTH);
    String type = requiredText(json, "type", MAX_TYPE_LENGTH);
    if (!TYPE.matcher(type).matches()) {
      throw new InvalidEventException(
          "type '" + type + "' is not an event type code like call.incoming.start");
    }
    String accountId = requiredText(json, "accountId", MAX_ACCOUNT_ID_LENGTH);
    if (!ACCOUNT_ID.matcher(accountId).matches()) {
      throw new InvalidEventException(
          "accountId has characters other than letters, digits and _.:-");
    }
    Instant occurredAt = timestamp(requiredText(json, "occurredAt", 64));
    JsonValue data = json.get("data");
    if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidEventException("data is missing or not a JSON object");
    }
    return new IncomingEvent(id, type, accountId, occurredAt, data.toString());
  }

  private static JsonObject readObject(String body) {
    try (JsonParser parser = JSON.createParser(new StringReader(body))) {
      if (parser.next() != JsonParser.Event.START_OBJECT) {
        throw new InvalidEventException("body is JSON but not an object");
      }
      JsonObject object = object(parser, "", 1);
      boolean more;
      try {
        more = parser.hasNext();
      } catch (JsonParsingException e) {
        more = true; // Parsson: "Expected EOF token", for anything but white space after the object
      }
      if (more) {
        throw new InvalidEventException(
            "body has more after its JSON object (from character "
                + (parser.getLocation().getStreamOffset() + 1)
                + "): a message carries exactly one event");
      }
      return object;
    } catch (InvalidEventException e) {
      throw e;
    } catch (JsonParsingException e) {
      throw new InvalidEventException("malformed JSON: " + e.getMessage());
    } catch (JsonException | java.util.NoSuchElementException e) {
      throw new InvalidEventException("unreadable JSON: " + e.getMessage());
    } catch (RuntimeException e) {
      // the parser reads nothing but this text, so whatever it throws is about the text (Parsson
      // throws bare RuntimeExceptions for its limits): a contract violation, never a retry
      throw new InvalidEventException("unreadable JSON: " + e.getMessage());
    }
  }

  /**
   * Reads the object whose START_OBJECT was just read; {@code path} is its JSON pointer without the
   * leading slash.
   */
  private static JsonObject object(JsonParser parser, String path, int depth) {
    nestingWithinLimit(path, depth);
    JsonObjectBuilder builder = JSON.createObjectBuilder();
    Set<String> keys = new HashSet<>();
    for (JsonParser.Event event = parser.next();
        event != JsonParser.Event.END_OBJECT;
        event = parser.next()) {
      String key = parser.getString(); // the event is KEY_NAME: the parser allows nothing else here
      String at = path.isEmpty() ? key : path + "/" + key;
      wellFormed(key, at, "key");
      if (!keys.add(key)) {
        throw invalid(
            at,
            "appears twice in its object; every key may appear once (a receiver might read the other value)");
      }
      builder.add(key, value(parser, parser.next(), at, depth));
    }
    return builder.build();
  }

  private static JsonArray array(JsonParser parser, String path, int depth) {
    nestingWithinLimit(path, depth);
    JsonArrayBuilder builder = JSON.createArrayBuilder();
    int index = 0;
    for (JsonParser.Event event = parser.next();
        event != JsonParser.Event.END_ARRAY;
        event = parser.next()) {
      builder.add(value(parser, event, path + "/" + index++, depth));
    }
    return builder.build();
  }

  private static JsonValue value(JsonParser parser, JsonParser.Event event, String at, int depth) {
    return switch (event) {
      case START_OBJECT -> object(parser, at, depth + 1);
      case START_ARRAY -> array(parser, at, depth + 1);
      case VALUE_STRING -> {
        wellFormed(parser.getString(), at, "text");
        yield parser.getValue();
      }
      case VALUE_NUMBER -> {
        int length = parser.getString().length();
        if (length > MAX_NUMBER_CHARS) {
          throw invalid(
              at,
              "is a number of "
                  + length
                  + " characters, more than the limit of "
                  + MAX_NUMBER_CHARS);
        }
        yield parser.getValue();
      }
      case VALUE_TRUE -> JsonValue.TRUE;
      case VALUE_FALSE -> JsonValue.FALSE;
      case VALUE_NULL -> JsonValue.NULL;
      default ->
          throw new InvalidEventException("malformed JSON: unexpected " + event + " at " + at);
    };
  }

  private static void nestingWithinLimit(String path, int depth) {
    if (depth > MAX_DEPTH) {
      int slash = path.indexOf('/');
      throw new InvalidEventException(
          (slash < 0 ? path : path.substring(0, slash))
              + " is nested deeper than the limit of "
              + MAX_DEPTH
              + " levels of objects and arrays");
    }
  }

  /**
   * A lone surrogate (from a {@code \ud800} escape, say) is no Unicode text: UTF-8 cannot encode
   * it, and the database stores it as {@code ?}, so two ids differing only there became one.
   */
  private static void wellFormed(String text, String at, String what) {
    int bad = Utf8.loneSurrogate(text);
    if (bad >= 0) {
      throw invalid(
          at,
          "has a "
              + what
              + " with a lone surrogate (U+"
              + Integer.toHexString(text.charAt(bad)).toUpperCase()
              + " at character "
              + (bad + 1)
              + "), which is not Unicode text");
    }
  }

  /**
   * A reason that starts with the top-level field (so the HTTP intake can name it) and says where
   * below it.
   */
  private static InvalidEventException invalid(String at, String problem) {
    int slash = at.indexOf('/');
    if (slash < 0) {
      return new InvalidEventException(at + " " + problem);
    }
    String shown =
        at.length() > MAX_PATH_IN_REASON ? at.substring(0, MAX_PATH_IN_REASON) + "…" : at;
    return new InvalidEventException(at.substring(0, slash) + ": /" + shown + " " + problem);
  }

  /** Accepts a string, or a whole number written in digits for ids that producers keep numeric. */
  private static String requiredText(JsonObject json, String field, int maxLength) {
    JsonValue value = json.get(field);
    String text;
    if (value instanceof JsonString s) {
      text = s.getString();
    } else if (value instanceof JsonNumber n) {
      // in digits only: 1e999999999 is "integral" too, and expanding it would never end
      String written = n.toString();
      if (!WHOLE_NUMBER.matcher(written).matches()) {
        throw new InvalidEventException(
            field + " must be a string or a whole number written in digits");
      }
      text = new BigInteger(written).toString();
    } else if (value == null || value == JsonValue.NULL) {
      throw new InvalidEventException(field + " is missing");
    } else {
      throw new InvalidEventException(field + " must be a string");
    }
    if (text.isBlank()) {
      throw new InvalidEventException(field + " is empty");
    }
    if (!text.equals(text.strip())) {
      // taken as it is written, never trimmed: " acc " and "acc" are different ids to the producer
      throw new InvalidEventException(field + " has white space at its start or end");
    }
    if (text.length() > maxLength) {
      throw new InvalidEventException(field + " is longer than " + maxLength + " characters");
    }
    return text;
  }

  private static Instant timestamp(String text) {
    Instant instant;
    try {
      instant = IsoInstant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException(
          "occurredAt '"
              + text
              + "' is not an ISO-8601 date-time with offset, like 2026-11-28T10:15:30Z");
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new InvalidEventException(
          "occurredAt '"
              + text
              + "' is outside the range that can be stored, "
              + EARLIEST
              + " to "
              + LATEST
              + " (in UTC)");
    }
    return instant;
  }
}
