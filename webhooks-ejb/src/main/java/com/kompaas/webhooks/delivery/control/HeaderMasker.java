package com.kompaas.webhooks.delivery.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes headers for the attempt log with credentials masked: the log is shown to every user of
 * the account and kept for long, so it must not become a place where secrets live.
 */
public final class HeaderMasker {

  private static final List<String> SENSITIVE =
      List.of("authorization", "cookie", "token", "secret", "password", "api-key", "apikey", "signature-key", "x-auth");

  private HeaderMasker() {}

  public static boolean sensitive(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("webhook-signature")) {
      return false; // an HMAC, not a credential; receivers need to compare it
    }
    return SENSITIVE.stream().anyMatch(lower::contains);
  }

  public static String mask(String name, String value) {
    if (!sensitive(name) || value == null) {
      return value;
    }
    // keep a short prefix (a scheme like "Bearer" or a key id) so users can tell which one was sent
    int keep = Math.min(4, value.length() / 4);
    return value.substring(0, keep) + "••••••";
  }

  /** One header per line, as an HTTP message shows them. */
  public static String requestHeaders(List<OutboundRequest.Header> headers) {
    StringBuilder text = new StringBuilder();
    for (OutboundRequest.Header h : headers) {
      text.append(h.name()).append(": ").append(mask(h.name(), h.value())).append('\n');
    }
    return text.toString();
  }

  public static String responseHeaders(Map<String, List<String>> headers) {
    StringBuilder text = new StringBuilder();
    headers.forEach(
        (name, values) -> {
          if (name != null) {
            for (String v : values) {
              text.append(name).append(": ").append(mask(name, v)).append('\n');
            }
          }
        });
    return text.toString();
  }
}
