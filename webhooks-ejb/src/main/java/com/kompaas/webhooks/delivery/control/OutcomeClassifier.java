package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.delivery.entity.DeliveryError;
import com.kompaas.webhooks.outbound.control.UnsafeAddressException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Turns what happened on the wire into what it means for the delivery. Only a 2xx is a success: a
 * 3xx is a failure because redirects are never followed (following one is how an allowed URL gets
 * turned into a request to an internal address). 410 Gone stops the webhook. 429 and 503 carry
 * their {@code Retry-After}, if readable, for the schedule to honour.
 */
public class OutcomeClassifier {

  public AttemptOutcome classify(SendResult result, Instant now) {
    if (!result.responded()) {
      return new AttemptOutcome(
          AttemptOutcome.Verdict.FAILED, result.error(), 0, null, result.errorDetail());
    }
    int status = result.status();
    if (status >= 200 && status < 300) {
      return new AttemptOutcome(
          AttemptOutcome.Verdict.DELIVERED, null, status, null, "HTTP " + status);
    }
    if (status == 410) {
      return new AttemptOutcome(
          AttemptOutcome.Verdict.GONE,
          DeliveryError.HTTP_STATUS,
          status,
          null,
          "HTTP 410 Gone: the receiver asked to stop deliveries");
    }
    Duration retryAfter = null;
    String detail = "HTTP " + status;
    if (status == 429 || status == 503) {
      Optional<Duration> asked = RetrySchedule.parseRetryAfter(result.header("Retry-After"), now);
      if (asked.isPresent()) {
        retryAfter = asked.get();
        detail += ", Retry-After " + retryAfter.toSeconds() + " s";
      }
    } else if (status >= 300 && status < 400) {
      String location = result.header("Location");
      detail += " redirect (not followed)" + (location == null ? "" : " to " + location);
    }
    return new AttemptOutcome(
        AttemptOutcome.Verdict.FAILED, DeliveryError.HTTP_STATUS, status, retryAfter, detail);
  }

  /** The error class of an exception from a send, looking through its causes. */
  public static DeliveryError errorOf(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof UnsafeAddressException) {
        return DeliveryError.BLOCKED_ADDRESS;
      }
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return DeliveryError.DNS;
      }
      if (t instanceof SSLException || t instanceof CertificateException) {
        return DeliveryError.TLS;
      }
      if (t instanceof InterruptedIOException) { // the client's connect and lease timeouts too
        return DeliveryError.TIMEOUT;
      }
      if (t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof PortUnreachableException) {
        return DeliveryError.CONNECTION_REFUSED;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return DeliveryError.OTHER;
  }
}
