/**
 * The rules of an outbound request that the subscription (at save time) and delivery (at send and
 * connect time) components share, so the two can never disagree: the URL's form and the address
 * guard against private and reserved networks (checked again against the exact address connected
 * to), the header rules, and the signing secret with its rotation. No JPA, no EJB, no clock.
 */
package com.kompaas.webhooks.outbound.control;
