package com.kompaas.webhooks.platform.control;

import java.util.Arrays;
import java.util.List;

/**
 * One problem with one setting.
 *
 * <p>The message is English and is what the REST API answers. The console shows the problem in the
 * reader's language instead: it looks up {@code code} in its message bundle and fills in {@code
 * args}. A problem without a code is shown as its message in every language.
 *
 * @param field the setting's path, such as {@code url}, {@code headers[2].name} or {@code
 *     userParameters[0].value}; indexes count from 0 in the order the user entered the pairs
 * @param message what is wrong and how to fix it, in words for the user, in English
 * @param code a stable name of the problem, such as {@code url.scheme}; {@code null} for none
 * @param args the values the message names, in the order a translation numbers them ({0}, {1}, …)
 */
public record FieldError(String field, String message, String code, List<String> args) {

  public FieldError {
    args = args == null ? List.of() : List.copyOf(args);
  }

  /** A problem with no code: every language shows the English message. */
  public FieldError(String field, String message) {
    this(field, message, null, List.of());
  }

  /** A problem the console can translate; {@code args} are turned into text here. */
  public static FieldError of(String field, String code, String message, Object... args) {
    return new FieldError(field, message, code, Arrays.stream(args).map(String::valueOf).toList());
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
