/**
 * Saves, lists and previews an account's webhooks. Every method takes the account and every query
 * is scoped to it: a webhook id from another account reads as "not found". Settings are validated
 * before anything is written; invalid ones raise {@code InvalidWebhookException} with one message
 * per field.
 */
package com.kompaas.webhooks.subscription.boundary;
