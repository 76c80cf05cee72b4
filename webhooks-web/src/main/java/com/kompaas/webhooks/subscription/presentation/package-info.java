/** The webhooks list and settings window, and the webhooks REST resources. */
package com.kompaas.webhooks.subscription.presentation;
