package com.kompaas.webhooks.delivery.control;

/**
 * What travels on the deliveries queue: which delivery, for which webhook, and the token under
 * which it was handed out. A ticket whose token no longer matches the row is stale and does
 * nothing.
 */
public record DispatchTicket(long deliveryId, long webhookId, long token) {}
