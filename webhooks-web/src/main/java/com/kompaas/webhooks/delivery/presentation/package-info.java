/**
 * The delivery log in the console and over REST, the dashboard's figures, the webhooks list's
 * statistics and the test send of a webhook's settings window.
 */
package com.kompaas.webhooks.delivery.presentation;
