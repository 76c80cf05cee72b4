package com.kompaas.webhooks.subscription.boundary;

import java.time.Instant;

/**
 * A webhook was deleted, fired by {@link Webhooks#delete} inside the deleting transaction, so that
 * the components above subscription (delivery) can end what they hold for it in the same commit
 * without subscription knowing them.
 */
public record WebhookDeleted(String accountId, long webhookId, Instant at) {}
