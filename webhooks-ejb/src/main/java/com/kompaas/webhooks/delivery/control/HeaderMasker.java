package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.account.control.Credentials;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Writes a sent request's URL and headers, and the response's headers, for the attempt log with
 * credentials masked by the one rule of {@link Credentials} (the audit log uses the same): the log
 * is shown to every user of the account and kept for long, so it must not become a place where
 * secrets live.
 */
public final class HeaderMasker {

  private HeaderMasker() {}

  public static boolean sensitive(String name) {
    return Credentials.looksSecret(name);
  }

  public static String mask(String name, String value) {
    return Credentials.mask(name, value);
  }

  /** The URL as sent, with a password in it and credential-looking query values masked. */
  public static String url(URI url) {
    return Credentials.maskUrl(url.toString());
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
