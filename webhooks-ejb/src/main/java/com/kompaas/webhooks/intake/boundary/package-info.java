/**
 * Where events come in: the JMS consumers on managed threads that take batches from the broker and
 * commit them with their deliveries before acknowledging, the HTTP intake, the event list and the
 * dead letters with their redrive.
 */
package com.kompaas.webhooks.intake.boundary;
