package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.delivery.entity.DeliveryError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What happened on the wire for one request. Either a response arrived ({@code status > 0}, any
 * status, redirects included) or it did not, and {@code error} says why. The body is the first
 * bytes of the response, at most the sender's cap, with {@code truncated} set when there was more.
 */
public record SendResult(
    Instant startedAt,
    Duration duration,
    int status,
    Map<String, List<String>> headers,
    byte[] body,
    boolean truncated,
    DeliveryError error,
    String errorDetail) {

  public SendResult {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
    if ((status > 0) == (error != null)) {
      throw new IllegalArgumentException("a result has either a status or an error");
    }
  }

  public static SendResult response(
      Instant startedAt,
      Duration duration,
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      boolean truncated) {
    return new SendResult(startedAt, duration, status, headers, body, truncated, null, null);
  }

  public static SendResult failure(
      Instant startedAt, Duration duration, DeliveryError error, String detail) {
    return new SendResult(startedAt, duration, 0, Map.of(), new byte[0], false, error, detail);
  }

  public boolean responded() {
    return error == null;
  }

  /** First value of a response header, matched without regard to case. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return responded()
        ? "HTTP "
            + status
            + " in "
            + duration.toMillis()
            + " ms, "
            + body.length
            + " bytes"
            + (truncated ? " (truncated)" : "")
        : error + " after " + duration.toMillis() + " ms: " + errorDetail;
  }
}
