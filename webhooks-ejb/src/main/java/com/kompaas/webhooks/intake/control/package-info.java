/**
 * The contract of an incoming event without the container: parsing and checking a message body
 * (UTF-8, JSON, the schema), the cached checks of account and event type, and the multi-row SQL
 * that stores a batch of events.
 */
package com.kompaas.webhooks.intake.control;
