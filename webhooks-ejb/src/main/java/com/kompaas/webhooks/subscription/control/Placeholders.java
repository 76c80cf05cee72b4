package com.kompaas.webhooks.subscription.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{parameterName}}} syntax. Spaces inside the braces are allowed ({@code {{ did }}});
 * anything else between double braces is not a placeholder and stays as typed.
 */
public final class Placeholders {

  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  private Placeholders() {}

  /** The names used in a template, in order of appearance, repeats included. */
  public static List<String> names(String template) {
    List<String> names = new ArrayList<>();
    if (template == null) {
      return names;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The name, if the whole template is exactly one placeholder. */
  public static Optional<String> single(String template) {
    if (template == null) {
      return Optional.empty();
    }
    Matcher m = PLACEHOLDER.matcher(template);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Replaces every placeholder with {@code valueOf(name)}; the literal text stays as it is. */
  public static String replace(String template, Function<String, String> valueOf) {
    if (template == null || template.isEmpty()) {
      return "";
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(valueOf.apply(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }
}
