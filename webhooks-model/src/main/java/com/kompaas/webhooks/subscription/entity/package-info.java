/**
 * Webhook configurations: one account's subscription to one event type, with the nine settings of
 * the "New Web hook" window.
 *
 * <p>{@link com.kompaas.webhooks.subscription.entity.WebhookSettings} is what a user edits, and the
 * entity takes it whole, so the validator and the preview work on exactly what will be saved.
 * Key/value lists are ordered element collections of {@link
 * com.kompaas.webhooks.subscription.entity.KeyValue}: the order a user typed is the order a
 * receiver sees. Length limits are constants shared by the columns, the constructors and the
 * validator.
 */
package com.kompaas.webhooks.subscription.entity;
