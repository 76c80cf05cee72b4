/**
 * Deliveries and their attempts. A {@link com.kompaas.webhooks.delivery.entity.Delivery} row is
 * the resend schedule (status, attempts, due time); senders take it over only through conditional
 * updates on its dispatch token, never by reading and then writing. An {@link
 * com.kompaas.webhooks.delivery.entity.Attempt} is written once per HTTP send and never changed;
 * its text is cut to what each column holds ({@link com.kompaas.webhooks.delivery.entity.StoredText}),
 * so a row can always be written.
 */
package com.kompaas.webhooks.delivery.entity;
