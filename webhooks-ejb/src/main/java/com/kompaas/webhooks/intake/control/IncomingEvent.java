package com.kompaas.webhooks.intake.control;

import java.time.Instant;

/**
 * An event that passed the message contract: what the producer sent, checked and normalised.
 *
 * @param id the producer's event id, unique per account
 * @param type an event type code such as {@code call.incoming.start}
 * @param accountId the tenant the event belongs to
 * @param occurredAt when it happened on the platform
 * @param data the event's parameters as a compact JSON object
 */
public record IncomingEvent(
    String id, String type, String accountId, Instant occurredAt, String data) {}
