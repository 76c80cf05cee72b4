package com.kompaas.webhooks.delivery.control;

/**
 * Puts one request on the wire. The seam between delivery and the network: boundaries depend on
 * this, tests may replace it, {@link JdkHttpSender} is the real one. Implementations never throw
 * for network trouble or for a refused destination; they return a {@link SendResult} with the
 * error, so every attempt can be logged the same way. Redirects are never followed.
 */
public interface HttpSender {

  SendResult send(OutboundRequest request);
}
