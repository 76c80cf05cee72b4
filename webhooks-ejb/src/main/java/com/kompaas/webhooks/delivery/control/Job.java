package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.event.entity.Event;
import java.time.Instant;

/**
 * A claimed delivery with what its attempt needs, read in one short transaction so that the HTTP
 * call holds no database resources.
 *
 * @param attemptNumber the number this attempt gets, counting from 1
 * @param leaseUntil when the claim runs out and the scheduler may hand the delivery out again
 */
public record Job(
    long deliveryId,
    long token,
    String accountId,
    int attemptNumber,
    boolean manual,
    WebhookCopy webhook,
    Event event,
    Instant leaseUntil) {

  public DispatchTicket ticket() {
    return new DispatchTicket(deliveryId, webhook.id(), token);
  }
}
