/** Messages that broke the contract, kept as dead letters with their reason for a redrive. */
package com.kompaas.webhooks.intake.entity;
