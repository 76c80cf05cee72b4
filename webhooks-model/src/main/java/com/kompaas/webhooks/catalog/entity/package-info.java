/**
 * The event catalogue: groups, event types and the parameters each type carries.
 *
 * <p>The catalogue is data, seeded by the {@code V2__catalog.sql} migration, so a platform operator
 * adds an event type with a few {@code INSERT}s and no rebuild. It is read-only to the application.
 * Every type lists all of its parameters, the common ones ({@code eventId}, {@code eventType},
 * {@code accountId}, {@code timestamp}, {@code occurredAt}, and {@code callId}/{@code linkedId} for
 * calls) included, so what a type offers is visible in one place.
 */
package com.kompaas.webhooks.catalog.entity;
