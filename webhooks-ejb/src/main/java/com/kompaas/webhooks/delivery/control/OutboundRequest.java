package com.kompaas.webhooks.delivery.control;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One HTTP request as it is to be sent. The constructor refuses what would let a webhook's
 * configuration smuggle a second request or rewrite the framing: CR or LF anywhere, header names
 * that are not tokens, and the headers the sender owns ({@code Host}, {@code Content-Length},
 * {@code Transfer-Encoding}, {@code Connection} and their kin). Methods are those the JDK's
 * {@code HttpURLConnection} speaks and a webhook uses; GET and DELETE carry no body.
 */
public record OutboundRequest(String method, URI url, List<Header> headers, byte[] body) {

  public record Header(String name, String value) {
    public Header {
      if (name == null || !TOKEN.matcher(name).matches()) {
        throw new IllegalArgumentException("header name '" + printable(name) + "' is not a token");
      }
      if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0
          || value.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("header " + name + " has a CR, LF or NUL in its value");
      }
      if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("header " + name + " is set by the sender, not by a webhook");
      }
    }

    @Override
    public String toString() {
      return name + ": " + value;
    }
  }

  public static final Set<String> METHODS = Set.of("POST", "PUT", "GET", "DELETE");

  /** Headers the sender controls; lower case. */
  public static final Set<String> RESERVED =
      Set.of(
          "host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade",
          "te", "trailer", "expect", "proxy-connection", "proxy-authorization");

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}");

  public OutboundRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("method " + printable(method) + " is not one of " + METHODS);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("only http and https URLs are sent, not " + url.getScheme());
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
