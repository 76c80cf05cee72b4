package com.kompaas.webhooks.account.control;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for what counts as a credential and how it is masked, wherever a webhook's settings
 * or a sent request are shown to someone who may not see the secret itself: the audit log, the
 * attempt log, and everything a read-only viewer reads.
 *
 * <ul>
 *   <li>A <b>name</b> looks like a credential when it contains {@code auth}, {@code token}, {@code
 *       secret}, {@code passw}, {@code pwd}, {@code key}, {@code cookie}, {@code signature}, {@code
 *       credential}, {@code session}, {@code jwt} or {@code bearer}, in any case. The Standard
 *       Webhooks headers ({@code webhook-id}, {@code -timestamp}, {@code -signature}) are not: the
 *       signature is an HMAC of one message, which receivers compare, not a key.
 *   <li>A masked <b>value</b> is {@link #MASK}; a value that starts with an authorisation scheme
 *       ({@code Bearer abc}, {@code Basic abc}) keeps the scheme, so a reader can tell which kind
 *       was sent. Nothing of the secret itself is kept.
 *   <li>In a <b>URL</b> the password of {@code user:password@} is masked, and the value of every
 *       query parameter whose name looks like a credential.
 *   <li>For <b>viewers</b> ({@code SettingsForViewer} in the subscription component) every header,
 *       query and user parameter value and every query value in the URL is masked, whatever its
 *       name: a name tells nothing reliable ({@code X-Tenant: <api key>} is common), and a viewer
 *       never needs the values to read a webhook, so masking all of them is the rule that cannot
 *       miss one.
 * </ul>
 */
public final class Credentials {

  public static final String MASK = "••••••";

  private static final List<String> SECRET_PARTS =
      List.of(
          "auth",
          "token",
          "secret",
          "passw",
          "pwd",
          "key",
          "cookie",
          "signature",
          "credential",
          "session",
          "jwt",
          "bearer");

  private static final Set<String> STANDARD_WEBHOOK_HEADERS =
      Set.of("webhook-id", "webhook-timestamp", "webhook-signature");

  private static final Pattern SCHEME =
      Pattern.compile("([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*) +\\S.*", Pattern.DOTALL);

  private static final Pattern USER_INFO =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/?#@:]*):[^/?#@]*@");

  private Credentials() {}

  /** Whether a header, query or user parameter of this name holds a credential. */
  public static boolean looksSecret(String name) {
    if (name == null) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return !STANDARD_WEBHOOK_HEADERS.contains(lower)
        && SECRET_PARTS.stream().anyMatch(lower::contains);
  }

  /** The value as it may be shown: masked if the name looks like a credential. */
  public static String mask(String name, String value) {
    return looksSecret(name) ? masked(value) : value;
  }

  /** The value masked whatever its name; an authorisation scheme in front is kept. */
  public static String masked(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    Matcher scheme = SCHEME.matcher(value);
    return scheme.matches() ? scheme.group(1) + " " + MASK : MASK;
  }

  /** The URL with its password and the values of credential-looking query parameters masked. */
  public static String maskUrl(String url) {
    return maskUrl(url, Credentials::looksSecret);
  }

  private static String maskUrl(String url, Predicate<String> secretName) {
    if (url == null) {
      return null;
    }
    String masked =
        USER_INFO
            .matcher(url)
            .replaceFirst(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
    int q = masked.indexOf('?');
    if (q < 0) {
      return masked;
    }
    int hash = masked.indexOf('#', q);
    String query = hash < 0 ? masked.substring(q + 1) : masked.substring(q + 1, hash);
    StringBuilder out = new StringBuilder(masked.substring(0, q + 1));
    String[] params = query.split("&", -1);
    for (int i = 0; i < params.length; i++) {
      String p = params[i];
      int eq = p.indexOf('=');
      out.append(i == 0 ? "" : "&");
      out.append(
          eq >= 0 && eq < p.length() - 1 && secretName.test(decoded(p.substring(0, eq)))
              ? p.substring(0, eq + 1) + MASK
              : p);
    }
    if (hash >= 0) {
      out.append(masked.substring(hash));
    }
    return out.toString();
  }

  /** A URL as a viewer sees it: the password and every query value masked. */
  public static String urlForViewer(String url) {
    return maskUrl(url, name -> true);
  }

  /**
   * Header lines ({@code Name: value}, one a line, as the attempt log stores them) for a viewer.
   */
  public static String headerLinesForViewer(String lines) {
    if (lines == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String line : lines.split("\n", -1)) {
      int colon = line.indexOf(':');
      String value = colon < 0 ? "" : line.substring(colon + 1).strip();
      out.append(
          colon < 0 || value.isEmpty() ? line : line.substring(0, colon + 1) + " " + masked(value));
      out.append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  private static String decoded(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name;
    }
  }
}
