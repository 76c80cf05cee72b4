package com.kompaas.webhooks.subscription.presentation;

import com.kompaas.webhooks.platform.control.FieldError;
import com.kompaas.webhooks.platform.presentation.ApiException;
import com.kompaas.webhooks.platform.presentation.ApiParameters;
import com.kompaas.webhooks.subscription.entity.DataType;
import com.kompaas.webhooks.subscription.entity.HttpMethod;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@link WebhookInput} from a request body so that every way the JSON can be wrong is a
 * {@code 400} naming the field: JSON that does not parse, a byte order mark, invalid UTF-8,
 * anything but one object, a key twice, nesting deeper than settings ever go, and a value of the
 * wrong type ({@code "version":"abc"}, {@code "retryIfError":"yes"}, a header that is not a
 * name/value object). A generic binder answers these with a {@code 500} and a stack trace, or
 * quietly takes the last of two keys. Fields the API does not take are ignored, so a webhook read
 * with {@code GET} can be sent back as a change.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookInputReader implements MessageBodyReader<WebhookInput> {

  /** Settings are at most three levels deep (headers[0].name); this leaves room, and no more. */
  static final int MAX_DEPTH = 16;

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == WebhookInput.class;
  }

  @Override
  public WebhookInput readFrom(
      Class<WebhookInput> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream entity)
      throws IOException {
    byte[] bytes = entity.readAllBytes();
    String text = utf8(bytes);
    if (text.isBlank()) {
      return null;
    }
    return read(text);
  }

  /**
   * @throws ApiException naming {@code body} or the fields whose values cannot be read
   */
  static WebhookInput read(String text) {
    checkShape(text);
    JsonObject json = Json.createReader(new StringReader(text)).readObject();
    Fields f = new Fields(json);
    WebhookInput input =
        new WebhookInput(
            f.string("eventType"),
            f.string("title"),
            f.string("url"),
            f.bool("retryIfError"),
            f.constant(HttpMethod.class, "method"),
            f.constant(DataType.class, "dataType"),
            f.strings("parameters"),
            f.pairs("userParameters"),
            f.pairs("queryParameters"),
            f.pairs("headers"),
            f.string("bodyTemplate"),
            f.bool("enabled"),
            f.wholeNumber("version"));
    if (!f.errors.isEmpty()) {
      throw new ApiException(Response.Status.BAD_REQUEST, f.errors);
    }
    return input;
  }

  private static String utf8(byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      throw body(
          "starts with a byte order mark; send UTF-8 JSON without one (RFC 8259, section 8.1)");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw body("is not valid UTF-8");
    }
  }

  /**
   * One pass of the streaming parser before anything is built: exactly one object, no key twice in
   * an object, no deeper than {@link #MAX_DEPTH}, nothing after it. Streaming keeps a deep body
   * from costing a deep stack.
   */
  private static void checkShape(String text) {
    try (JsonParser parser = Json.createParser(new StringReader(text))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw body("must be one JSON object of the webhook's settings");
      }
      Deque<Set<String>> keys = new ArrayDeque<>();
      keys.push(new HashSet<>());
      int depth = 1;
      while (depth > 0) {
        JsonParser.Event event = parser.next();
        switch (event) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > MAX_DEPTH) {
              throw body("is nested deeper than " + MAX_DEPTH + " levels");
            }
            keys.push(event == JsonParser.Event.START_OBJECT ? new HashSet<>() : Set.of());
          }
          case END_OBJECT, END_ARRAY -> {
            depth--;
            keys.pop();
          }
          case KEY_NAME -> {
            if (!keys.peek().add(parser.getString())) {
              throw body(
                  "has the key '"
                      + ApiParameters.shortened(parser.getString())
                      + "' twice in one object");
            }
          }
          default -> {
            // a value: its type is checked per field below
          }
        }
      }
      if (parser.hasNext()) {
        throw body("has more after its JSON object; send one object");
      }
    } catch (JsonParsingException e) {
      throw body("is not valid JSON" + where(e));
    } catch (JsonException | java.util.NoSuchElementException e) {
      throw body("is not valid JSON (it ends too early)");
    }
  }

  private static String where(JsonParsingException e) {
    return e.getLocation() == null
        ? ""
        : " at line "
            + e.getLocation().getLineNumber()
            + ", column "
            + e.getLocation().getColumnNumber();
  }

  private static ApiException body(String message) {
    return ApiException.invalid("body", message);
  }

  /** The fields of the object, each read as its type or noted as an error on its path. */
  private static final class Fields {

    final JsonObject json;
    final List<FieldError> errors = new ArrayList<>();

    Fields(JsonObject json) {
      this.json = json;
    }

    private JsonValue value(String name) {
      JsonValue v = json.get(name);
      return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v;
    }

    String string(String name) {
      return string(value(name), name);
    }

    String string(JsonValue v, String path) {
      if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
        return null;
      }
      if (v instanceof JsonString s) {
        return s.getString();
      }
      errors.add(new FieldError(path, "must be a string, not " + kind(v)));
      return null;
    }

    /** An enum value in any case, as the console's choices; blank is absent. */
    <E extends Enum<E>> E constant(Class<E> type, String name) {
      String value = string(name);
      if (value == null || value.isBlank()) {
        return null;
      }
      Optional<E> constant = ApiParameters.anyCase(type, value);
      if (constant.isEmpty()) {
        errors.add(new FieldError(name, ApiParameters.notOneOf(type, value)));
      }
      return constant.orElse(null);
    }

    Boolean bool(String name) {
      JsonValue v = value(name);
      if (v == null) {
        return null;
      }
      if (v.getValueType() == JsonValue.ValueType.TRUE
          || v.getValueType() == JsonValue.ValueType.FALSE) {
        return v.getValueType() == JsonValue.ValueType.TRUE;
      }
      errors.add(new FieldError(name, "must be true or false, not " + kind(v)));
      return null;
    }

    Long wholeNumber(String name) {
      JsonValue v = value(name);
      if (v == null) {
        return null;
      }
      if (v instanceof JsonNumber n && n.isIntegral()) {
        try {
          return n.longValueExact();
        } catch (ArithmeticException tooLarge) {
          // answered below
        }
      }
      errors.add(
          new FieldError(name, "must be a whole number (the version you read), not " + kind(v)));
      return null;
    }

    List<String> strings(String name) {
      JsonValue v = value(name);
      if (v == null) {
        return null;
      }
      if (!(v instanceof JsonArray array)) {
        errors.add(new FieldError(name, "must be a list of parameter names, not " + kind(v)));
        return null;
      }
      List<String> result = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        result.add(string(array.get(i), name + "[" + i + "]"));
      }
      return result;
    }

    List<WebhookJson.Pair> pairs(String name) {
      JsonValue v = value(name);
      if (v == null) {
        return null;
      }
      if (!(v instanceof JsonArray array)) {
        errors.add(
            new FieldError(
                name, "must be a list of {\"name\":...,\"value\":...} objects, not " + kind(v)));
        return null;
      }
      List<WebhookJson.Pair> result = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        String path = name + "[" + i + "]";
        if (!(array.get(i) instanceof JsonObject pair)) {
          errors.add(
              new FieldError(
                  path,
                  "must be an object {\"name\":...,\"value\":...}, not " + kind(array.get(i))));
          continue;
        }
        result.add(
            new WebhookJson.Pair(
                string(pair.get("name"), path + ".name"),
                string(pair.get("value"), path + ".value")));
      }
      return result;
    }

    private static String kind(JsonValue v) {
      return switch (v.getValueType()) {
        case STRING -> "a string";
        case NUMBER -> "the number " + ApiParameters.shortened(v.toString());
        case TRUE, FALSE -> v.toString();
        case NULL -> "null";
        case ARRAY -> "a list";
        case OBJECT -> "an object";
      };
    }
  }
}
