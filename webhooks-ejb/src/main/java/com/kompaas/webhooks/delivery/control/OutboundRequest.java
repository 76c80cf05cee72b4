package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.outbound.control.HeaderRules;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP request as it is to be sent. The constructor refuses what would let a webhook's
 * configuration smuggle a second request or rewrite the framing: CR, LF or NUL in a value, header
 * names that are not tokens, and the headers the HTTP client owns ({@code Host}, {@code
 * Content-Length}, {@code Transfer-Encoding}, {@code Connection} and their kin), by {@link
 * HeaderRules}. Methods are those a webhook uses; GET and DELETE carry no body.
 */
public record OutboundRequest(String method, URI url, List<Header> headers, byte[] body) {

  public record Header(String name, String value) {
    public Header {
      HeaderRules.wireHeaderProblem(name, value)
          .ifPresent(
              refusal -> {
                throw new IllegalArgumentException(refusal.message());
              });
    }

    @Override
    public String toString() {
      return name + ": " + value;
    }
  }

  public static final Set<String> METHODS = Set.of("POST", "PUT", "GET", "DELETE");

  public OutboundRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException(
          "method " + printable(method) + " is not one of " + METHODS);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "only http and https URLs are sent, not " + url.getScheme());
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("URL has no valid host name");
    }
    headers = List.copyOf(headers);
    body = body == null ? new byte[0] : body.clone();
    if (body.length > 0 && (method.equals("GET") || method.equals("DELETE"))) {
      throw new IllegalArgumentException(method + " requests carry no body");
    }
  }

  /**
   * The {@code Host} header the request goes with: the URL's host as written, and its port unless
   * it is the scheme's default; {@link ApacheHttpSender} sends exactly this.
   */
  public String hostHeader() {
    return hostHeaderOf(url);
  }

  static String hostHeaderOf(URI url) {
    int port = url.getPort();
    int standard = url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    return port == -1 || port == standard ? url.getHost() : url.getHost() + ":" + port;
  }

  /** The request target on the request line: the path ({@code /} if empty) and the query. */
  public String target() {
    return targetOf(url);
  }

  static String targetOf(URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }

  /**
   * The URL as the receiver can put it together from what reaches it: scheme, {@code Host} header
   * and request target. A GET is signed over this (see {@link Signer}).
   */
  public static String receivedUrl(URI url) {
    return url.getScheme().toLowerCase(Locale.ROOT) + "://" + hostHeaderOf(url) + targetOf(url);
  }

  public static OutboundRequest post(URI url, List<Header> headers, byte[] body) {
    return new OutboundRequest("POST", url, headers, body);
  }

  /** The body as given; the record keeps its own copy. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  int bodyLength() {
    return body.length;
  }

  byte[] bodyUnsafe() {
    return body;
  }

  private static String printable(String s) {
    return s == null ? "null" : s.replaceAll("[^\\x20-\\x7e]", "?");
  }

  @Override
  public String toString() {
    return method + " " + url + " (" + headers.size() + " headers, " + body.length + " bytes)";
  }
}
