/**
 * Deliveries and their attempts. A {@link com.kompaas.webhooks.delivery.entity.Delivery} row is the
 * resend schedule (status, attempts, due time). Its state ({@link
 * com.kompaas.webhooks.delivery.entity.DeliveryState}) changes only through the pure functions of
 * {@link com.kompaas.webhooks.delivery.entity.DeliveryTransitions}, on a row locked first, and an
 * active delivery only under its dispatch token, whether the entity applies them (the console) or
 * the plain-JDBC store does (fan-out, the scheduler, the attempt writer). An {@link
 * com.kompaas.webhooks.delivery.entity.Attempt} is written once per HTTP send and never changed;
 * its text is cut to what each column holds ({@link
 * com.kompaas.webhooks.delivery.entity.StoredText}), so a row can always be written.
 */
package com.kompaas.webhooks.delivery.entity;
