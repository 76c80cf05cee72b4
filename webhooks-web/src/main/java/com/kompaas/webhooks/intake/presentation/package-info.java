/** The HTTP intake resource, the events list and the dead letters page. */
package com.kompaas.webhooks.intake.presentation;
