/**
 * Reads the event catalogue for the "New Web hook" window, the settings validator and previews.
 * Read-only: the catalogue changes by migration or by an operator's SQL, never through the
 * application.
 */
package com.kompaas.webhooks.catalog.boundary;
