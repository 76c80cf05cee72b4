package com.kompaas.webhooks.delivery.control;

/**
 * Puts one request on the wire. The seam between delivery and the network: boundaries depend on
 * this, tests may replace it, {@link ApacheHttpSender} is the real one, and every outbound request
 * (delivery, test send) goes through it, so each gets the connect-time address check.
 * Implementations never throw for network trouble or for a refused destination; they return a
 * {@link SendResult} with the error, so every attempt can be logged the same way. Redirects are
 * never followed, and a request is never resent by the sender itself: one call, at most one request
 * on the wire, one attempt in the log.
 */
public interface HttpSender {

  SendResult send(OutboundRequest request);
}
