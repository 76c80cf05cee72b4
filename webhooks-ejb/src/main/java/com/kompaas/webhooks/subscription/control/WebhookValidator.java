package com.kompaas.webhooks.subscription.control;

import com.kompaas.webhooks.catalog.entity.EventType;
import com.kompaas.webhooks.outbound.control.HeaderRules;
import com.kompaas.webhooks.outbound.control.OutboundUrl;
import com.kompaas.webhooks.outbound.control.UnsafeAddressException;
import com.kompaas.webhooks.platform.control.FieldError;
import com.kompaas.webhooks.subscription.entity.DataType;
import com.kompaas.webhooks.subscription.entity.KeyValue;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks settings before they are saved or previewed, and says per field what is wrong. Pure; the
 * event type comes from the catalogue, and is {@code null} when the code is not in it.
 */
public class WebhookValidator {

  public List<FieldError> validate(WebhookSettings s, EventType type) {
    List<FieldError> errors = new ArrayList<>();
    if (type == null) {
      errors.add(
          s.eventType().isBlank()
              ? FieldError.of("eventType", "eventType.required", "Choose the type of event")
              : FieldError.of(
                  "eventType",
                  "eventType.unknown",
                  "There is no event type " + s.eventType(),
                  s.eventType()));
    } else if (!type.getCode().equals(s.eventType())) {
      throw new IllegalArgumentException("settings are for " + s.eventType() + ", not " + type);
    }
    title(s.title(), errors);
    url(s.url(), type, errors);
    ticked(s.parameters(), type, errors);
    pairs("userParameters", "User parameter", s.userParameters(), false, type, errors);
    pairs("queryParameters", "Query parameter", s.queryParameters(), false, type, errors);
    pairs("headers", "Header", s.headers(), true, type, errors);
    userParametersClashWithTicked(s, errors);
    headers(s.headers(), errors);
    body(s, type, errors);
    return errors;
  }

  private static void title(String title, List<FieldError> errors) {
    if (title.isBlank()) {
      errors.add(FieldError.of("title", "title.required", "Enter a title"));
    } else if (title.length() > WebhookSettings.TITLE_LENGTH) {
      errors.add(tooLong("title", "The title", title, WebhookSettings.TITLE_LENGTH));
    }
  }

  private static void url(String url, EventType type, List<FieldError> errors) {
    if (url.isBlank()) {
      errors.add(FieldError.of("url", "url.required", "Enter the URL the webhook is sent to"));
      return;
    }
    if (url.length() > WebhookSettings.URL_LENGTH) {
      errors.add(tooLong("url", "The URL", url, WebhookSettings.URL_LENGTH));
      return;
    }
    if (url.chars().anyMatch(c -> c <= 0x20 || c == 0x7F)) {
      errors.add(
          FieldError.of(
              "url",
              "url.whitespace",
              "The URL must not contain spaces or line breaks; values with spaces go into query"
                  + " parameters or placeholders, which are encoded"));
      return;
    }
    unknownPlaceholders("url", "placeholder.unknown.url", "the URL", url, type, errors);
    URI uri;
    try {
      uri = new URI(Placeholders.PLACEHOLDER.matcher(url).replaceAll("x"));
    } catch (URISyntaxException e) {
      errors.add(
          FieldError.of(
              "url", "url.invalid", "This is not a valid URL: " + e.getReason(), e.getReason()));
      return;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean web = uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https"));
    // the sender's own check of the host's form, the port and user info: what saves is sent as
    // typed
    Optional<UnsafeAddressException> form = web ? OutboundUrl.formProblem(uri) : Optional.empty();
    if (!web) {
      errors.add(FieldError.of("url", "url.scheme", "The URL must start with http:// or https://"));
    } else if (url.indexOf("{{") >= 0 && url.indexOf("{{") < authorityEnd(url)) {
      // first: with x in place of a placeholder, a port or user info would fail for another reason
      errors.add(
          FieldError.of(
              "url",
              "url.placeholderInHost",
              "Placeholders may be used in the path and query of the URL, not in its host"));
    } else if (form.isPresent()) {
      errors.add(
          new FieldError("url", form.get().getMessage(), form.get().code(), form.get().args()));
    } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
      errors.add(FieldError.of("url", "url.noHost", "The URL has no host name"));
    } else if (uri.getRawFragment() != null) {
      errors.add(
          FieldError.of(
              "url",
              "url.fragment",
              "Remove the #fragment from the URL: browsers never send it to a server"));
    }
  }

  /** Index just past scheme://authority. */
  private static int authorityEnd(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return 0;
    }
    for (int i = start + 3; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return i;
      }
    }
    return url.length();
  }

  private static void ticked(List<String> names, EventType type, List<FieldError> errors) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String field = "parameters[" + i + "]";
      if (!seen.add(name)) {
        errors.add(
            FieldError.of(
                field, "parameters.twice", "Parameter " + name + " is ticked twice", name));
      } else if (type != null && !type.hasParameter(name)) {
        errors.add(
            FieldError.of(
                field,
                "parameters.unknown",
                type.getCode() + " has no parameter " + name,
                type.getCode(),
                name));
      }
    }
  }

  private static void pairs(
      String list,
      String label,
      List<KeyValue> pairs,
      boolean caseInsensitive,
      EventType type,
      List<FieldError> errors) {
    if (pairs.size() > WebhookSettings.MAX_PAIRS) {
      errors.add(
          FieldError.of(
              list,
              "pairs.tooMany",
              "At most "
                  + WebhookSettings.MAX_PAIRS
                  + " entries are allowed here, not "
                  + pairs.size(),
              WebhookSettings.MAX_PAIRS,
              pairs.size()));
    }
    Function<String, String> identity =
        caseInsensitive ? k -> k.toLowerCase(Locale.ROOT) : Function.identity();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < pairs.size(); i++) {
      KeyValue pair = pairs.get(i);
      String at = list + "[" + i + "]";
      if (hasLineBreak(pair.key())) {
        errors.add(
            FieldError.of(
                at + ".name",
                list + ".name.lineBreak",
                label + " names must not contain line breaks"));
      } else if (!seen.add(identity.apply(pair.key()))) {
        errors.add(
            FieldError.of(
                at + ".name",
                list + ".name.twice",
                label + " " + pair.key() + " is given twice; keep one of them",
                pair.key()));
      }
      if (!caseInsensitive && hasLineBreak(pair.value())) { // header values: see headers()
        errors.add(
            FieldError.of(
                at + ".value",
                "pairs.value.lineBreak",
                "The value of " + pair.key() + " must not contain line breaks",
                pair.key()));
      }
      unknownPlaceholders(
          at + ".value",
          "placeholder.unknown." + list,
          "the value of " + label.toLowerCase(Locale.ROOT) + " " + pair.key(),
          pair.value(),
          type,
          errors,
          pair.key());
    }
  }

  private static void userParametersClashWithTicked(WebhookSettings s, List<FieldError> errors) {
    Set<String> ticked = new HashSet<>(s.parameters());
    List<KeyValue> user = s.userParameters();
    for (int i = 0; i < user.size(); i++) {
      if (ticked.contains(user.get(i).key())) {
        errors.add(
            FieldError.of(
                "userParameters[" + i + "].name",
                "userParameters.name.ticked",
                "User parameter "
                    + user.get(i).key()
                    + " has the name of a ticked parameter; rename it or untick the parameter",
                user.get(i).key()));
      }
    }
  }

  /** {@link HeaderRules}, the rules the request builder applies when it sends the headers. */
  private static void headers(List<KeyValue> headers, List<FieldError> errors) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.get(i).key();
      String at = "headers[" + i + "]";
      if (!hasLineBreak(name)) { // else already reported
        HeaderRules.nameProblem(name)
            .ifPresent(
                refusal ->
                    errors.add(
                        FieldError.of(at + ".name", refusal.code(), refusal.message(), name)));
      }
      HeaderRules.valueProblem(name, headers.get(i).value())
          .ifPresent(
              refusal ->
                  errors.add(
                      FieldError.of(at + ".value", refusal.code(), refusal.message(), name)));
    }
  }

  private static void body(WebhookSettings s, EventType type, List<FieldError> errors) {
    String body = s.bodyTemplate();
    if (body.length() > WebhookSettings.BODY_TEMPLATE_LENGTH) {
      errors.add(tooLong("bodyTemplate", "The body", body, WebhookSettings.BODY_TEMPLATE_LENGTH));
    } else if (s.dataType() == DataType.TEXT) {
      // a JSON webhook keeps an old Text template without using it; only a used one must be valid
      unknownPlaceholders(
          "bodyTemplate", "placeholder.unknown.bodyTemplate", "the body", body, type, errors);
    }
  }

  /**
   * {@code code}'s arguments: the placeholder, the event type, then {@code whose} (a pair's name).
   */
  private static void unknownPlaceholders(
      String field,
      String code,
      String where,
      String template,
      EventType type,
      List<FieldError> errors,
      String... whose) {
    if (type == null) {
      return;
    }
    for (String name : new LinkedHashSet<>(Placeholders.names(template))) {
      if (!type.hasParameter(name)) {
        List<Object> args = new ArrayList<>(List.of(name, type.getCode()));
        args.addAll(List.of(whose));
        errors.add(
            FieldError.of(
                field,
                code,
                "Unknown placeholder {{"
                    + name
                    + "}} in "
                    + where
                    + ": "
                    + type.getCode()
                    + " has no parameter "
                    + name,
                args.toArray()));
      }
    }
  }

  private static boolean hasLineBreak(String s) {
    return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
  }

  private static FieldError tooLong(String field, String what, String value, int max) {
    return FieldError.of(
        field,
        field + ".tooLong",
        what + " has " + value.length() + " characters; the limit is " + max,
        value.length(),
        max);
  }
}
