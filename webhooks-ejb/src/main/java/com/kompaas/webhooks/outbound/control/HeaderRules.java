package com.kompaas.webhooks.outbound.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one list of rules for HTTP headers: the settings validator applies {@link #userHeaderProblem}
 * to a webhook's headers when it is saved, the request builder applies the same method when it
 * sends them, and every header on the wire passes {@link #wireHeaderProblem}. Two lists that
 * drifted apart once let {@code Proxy-Authorization} save and then fail every delivery.
 *
 * <ul>
 *   <li><b>Syntax</b>: a name is an RFC 9110 token of at most 256 characters; a value has no CR, LF
 *       or NUL, so it can never end the header line and start another.
 *   <li><b>Transport</b>, owned by the HTTP client: {@code Host}, {@code Content-Length}, {@code
 *       Transfer-Encoding}, {@code Connection} and the other hop-by-hop headers, {@code Upgrade}
 *       and {@code Expect}. The sender's HTTP client writes the framing itself, and sets {@code
 *       Host} from the URL; it would send a second copy of any of these rather than refuse it, so
 *       the refusal must be ours.
 *   <li>{@code Proxy-Authorization}: the sender connects straight to the receiver, never through a
 *       proxy, so the header could only reach the receiver under a misleading name.
 *   <li><b>Signing</b>: {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature}
 *       are the sender's; a second copy breaks receivers' verification and de-duplication.
 * </ul>
 *
 * <p>{@code Content-Type}, {@code User-Agent} and {@code Accept} stay the user's: the user's value
 * replaces the data type's content type and the sender's defaults.
 */
public final class HeaderRules {

  /** Lower case. */
  public static final Set<String> TRANSPORT =
      Set.of(
          "host",
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "proxy-connection",
          "upgrade",
          "te",
          "trailer",
          "expect");

  /** The Standard Webhooks headers the sender signs every request with. */
  public static final String ID_HEADER = "webhook-id";

  public static final String TIMESTAMP_HEADER = "webhook-timestamp";

  public static final String SIGNATURE_HEADER = "webhook-signature";

  /** Lower case. */
  public static final Set<String> SIGNING = Set.of(ID_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER);

  private static final String PROXY_AUTHORIZATION = "proxy-authorization";

  /** RFC 9110 {@code token}. */
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}");

  /**
   * Why a header cannot be sent: a stable code (the console's text for it is {@code
   * validation.<code>}, with the header's name as {0}) and the English message.
   */
  public record Refusal(String code, String message) {}

  private HeaderRules() {}

  /** Why a webhook may not send this header of its own, or empty if it may. */
  public static Optional<Refusal> userHeaderProblem(String name, String value) {
    Optional<Refusal> problem = nameProblem(name);
    return problem.isPresent() ? problem : valueProblem(name, value);
  }

  /** Why a webhook may not name a header of its own so, or empty if it may. */
  public static Optional<Refusal> nameProblem(String name) {
    Optional<Refusal> wire = wireNameProblem(name);
    if (wire.isPresent()) {
      return wire;
    }
    if (SIGNING.contains(name.toLowerCase(Locale.ROOT))) {
      return Optional.of(
          new Refusal(
              "headers.name.signing",
              "The "
                  + name
                  + " header is part of the webhook's signature, which the sender adds to"
                  + " every request; receivers verify it with the webhook's signing secret"));
    }
    return Optional.empty();
  }

  /** Why a header value cannot go on the wire, or empty if it can. */
  public static Optional<Refusal> valueProblem(String name, String value) {
    if (value == null
        || value.indexOf('\r') >= 0
        || value.indexOf('\n') >= 0
        || value.indexOf('\0') >= 0) {
      return Optional.of(
          new Refusal(
              "headers.value.invalid",
              "The value of " + name + " must not contain line breaks or NUL characters"));
    }
    return Optional.empty();
  }

  /** Why no request may carry this header, the sender's own signing headers included. */
  public static Optional<Refusal> wireHeaderProblem(String name, String value) {
    Optional<Refusal> problem = wireNameProblem(name);
    return problem.isPresent() ? problem : valueProblem(name, value);
  }

  private static Optional<Refusal> wireNameProblem(String name) {
    if (name == null || !TOKEN.matcher(name).matches()) {
      return Optional.of(
          new Refusal(
              "headers.name.invalid",
              "Header name "
                  + printable(name)
                  + " may only contain letters, digits and !#$%&'*+-.^_`|~ (no spaces or colons)"));
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (TRANSPORT.contains(lower)) {
      return Optional.of(
          new Refusal(
              "headers.name.reserved",
              "The " + name + " header is set by the sender and cannot be changed"));
    }
    if (lower.equals(PROXY_AUTHORIZATION)) {
      return Optional.of(
          new Refusal(
              "headers.name.proxy",
              "The "
                  + name
                  + " header is meant for a proxy, but webhooks go straight to the receiver;"
                  + " send the receiver's credentials in an Authorization header"));
    }
    return Optional.empty();
  }

  private static String printable(String s) {
    return s == null ? "null" : s.replaceAll("[\\x00-\\x1f\\x7f]", "?");
  }
}
