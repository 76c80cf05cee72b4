package com.kompaas.webhooks.catalog.control;

import com.kompaas.webhooks.catalog.entity.EventGroup;
import com.kompaas.webhooks.catalog.entity.EventParameter;
import com.kompaas.webhooks.catalog.entity.EventType;
import com.kompaas.webhooks.catalog.entity.ParameterType;
import com.kompaas.webhooks.platform.control.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes an event type fit for the catalogue. The code must be one the intake accepts, every
 * parameter name must be usable as a {@code {{placeholder}}}, and every example must be a value of
 * its declared type, since previews and "Send test" render with it. Pure logic: no database.
 */
public final class CatalogEntryRules {

  /** The same syntax the intake requires of an event's {@code type}. */
  static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

  /** The same syntax a placeholder may name. */
  static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public static final int MAX_POSITION = 1_000_000;
  public static final int MAX_PARAMETERS = 200;

  private CatalogEntryRules() {}

  /**
   * @param creating whether the draft is a new type (its code is checked; an edit keeps its code)
   * @return every problem, empty if the draft can be saved
   */
  public static List<FieldError> check(EventTypeDraft draft, boolean creating) {
    List<FieldError> errors = new ArrayList<>();
    if (creating) {
      String code = draft.code();
      if (blank(code)) {
        errors.add(
            FieldError.of("code", "catalog.code.required", "Enter a code, such as sms.outgoing."));
      } else if (code.length() > EventType.CODE_LENGTH) {
        errors.add(tooLong("code", EventType.CODE_LENGTH));
      } else if (!CODE.matcher(code).matches()) {
        errors.add(
            FieldError.of(
                "code",
                "catalog.code.syntax",
                "Lower-case words of letters, digits and _ joined by dots, such as call.incoming.start."));
      }
    }
    if (blank(draft.groupCode())) {
      errors.add(
          FieldError.of(
              "group",
              "catalog.group.required",
              "Choose the group the New Web hook window lists it under."));
    } else if (draft.groupCode().length() > EventGroup.CODE_LENGTH) {
      errors.add(unknownGroup());
    }
    text(
        errors,
        "label",
        draft.label(),
        EventType.LABEL_LENGTH,
        FieldError.of(
            "label", "catalog.label.required", "Enter the name users see, such as Outgoing SMS."));
    text(
        errors,
        "description",
        draft.description(),
        EventType.DESCRIPTION_LENGTH,
        FieldError.of(
            "description",
            "catalog.description.required",
            "Describe in one sentence when the event happens."));
    if (draft.position() < 0 || draft.position() > MAX_POSITION) {
      errors.add(
          FieldError.of(
              "position",
              "catalog.position.range",
              "A number from 0 to " + MAX_POSITION + ".",
              MAX_POSITION));
    }
    if (draft.parameters().size() > MAX_PARAMETERS) {
      errors.add(
          FieldError.of(
              "parameters",
              "catalog.parameters.tooMany",
              "At most " + MAX_PARAMETERS + " parameters.",
              MAX_PARAMETERS));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < draft.parameters().size(); i++) {
      parameter(errors, "parameters[" + i + "].", draft.parameters().get(i), names);
    }
    return errors;
  }

  /** The checked draft's parameters as the entity stores them, positions 10, 20, … in order. */
  public static List<EventParameter> parameters(EventTypeDraft draft) {
    List<EventParameter> out = new ArrayList<>();
    for (int i = 0; i < draft.parameters().size(); i++) {
      EventTypeDraft.Parameter p = draft.parameters().get(i);
      out.add(
          new EventParameter(
              (i + 1) * 10,
              p.name().strip(),
              type(p.type()),
              p.description().strip(),
              p.example()));
    }
    return out;
  }

  private static void parameter(
      List<FieldError> errors, String path, EventTypeDraft.Parameter p, Set<String> names) {
    String name = p.name() == null ? "" : p.name().strip();
    if (name.isEmpty()) {
      errors.add(
          FieldError.of(
              path + "name", "catalog.parameter.name.required", "Enter the parameter's name."));
    } else if (name.length() > EventParameter.NAME_LENGTH
        || !PARAMETER_NAME.matcher(name).matches()) {
      errors.add(
          FieldError.of(
              path + "name",
              "catalog.parameter.name.syntax",
              "A name is letters, digits and _, not starting with a digit, at most "
                  + EventParameter.NAME_LENGTH
                  + " characters: templates write it as {{name}}.",
              EventParameter.NAME_LENGTH));
    } else if (!names.add(name)) {
      errors.add(
          FieldError.of(
              path + "name",
              "catalog.parameter.name.twice",
              "“" + name + "” is listed twice.",
              name));
    }
    ParameterType type = type(p.type());
    if (type == null) {
      errors.add(
          FieldError.of(
              path + "type",
              "catalog.parameter.type.unknown",
              "Choose string, integer, number, boolean, object or array."));
    }
    text(
        errors,
        path + "description",
        p.description(),
        EventParameter.DESCRIPTION_LENGTH,
        FieldError.of(
            path + "description",
            "catalog.parameter.description.required",
            "Describe what the value is."));
    String example = p.example();
    if (example == null || example.isEmpty()) {
      errors.add(
          FieldError.of(
              path + "example",
              "catalog.parameter.example.required",
              "Enter an example value: previews and Send test use it."));
    } else if (example.length() > EventParameter.EXAMPLE_LENGTH) {
      errors.add(tooLong(path + "example", EventParameter.EXAMPLE_LENGTH));
    } else if (type != null && !fits(type, example)) {
      errors.add(
          FieldError.of(path + "example", "catalog.parameter.example." + type.label(), notA(type)));
    }
  }

  /** Whether the example text is a value of the type, as previews will read it. */
  static boolean fits(ParameterType type, String example) {
    String text = example.strip();
    try {
      return switch (type) {
        case STRING -> true;
        case INTEGER -> {
          new BigInteger(text);
          yield true;
        }
        case NUMBER -> {
          new BigDecimal(text);
          yield true;
        }
        case BOOLEAN -> text.equals("true") || text.equals("false");
        case OBJECT -> json(text).getValueType() == JsonValue.ValueType.OBJECT;
        case ARRAY -> json(text).getValueType() == JsonValue.ValueType.ARRAY;
      };
    } catch (NumberFormatException | JsonException e) {
      return false;
    }
  }

  private static JsonValue json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  private static String notA(ParameterType type) {
    return switch (type) {
      case STRING -> "Not a string.";
      case INTEGER -> "Not an integer: write digits, such as 42.";
      case NUMBER -> "Not a number: write a decimal number, such as 12.5.";
      case BOOLEAN -> "Not a boolean: write true or false.";
      case OBJECT -> "Not a JSON object: write one such as {\"code\": 1}.";
      case ARRAY -> "Not a JSON array: write one such as [\"a\", \"b\"].";
    };
  }

  /** The group named does not exist (the boundary checks that against the database). */
  public static FieldError unknownGroup() {
    return FieldError.of("group", "catalog.group.unknown", "Unknown group.");
  }

  private static FieldError tooLong(String field, int max) {
    return FieldError.of(field, "catalog.tooLong", "At most " + max + " characters.", max);
  }

  private static ParameterType type(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return ParameterType.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void text(
      List<FieldError> errors, String field, String value, int max, FieldError whenEmpty) {
    if (blank(value)) {
      errors.add(whenEmpty);
    } else if (value.strip().length() > max) {
      errors.add(tooLong(field, max));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
