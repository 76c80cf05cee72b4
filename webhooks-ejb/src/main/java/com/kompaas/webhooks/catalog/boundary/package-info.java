/**
 * The event catalogue: read for the "New Web hook" window, the settings validator and previews;
 * changed by platform operators on the catalogue page (or by migration). The intake accepts a new
 * type within a second of its save, without a restart.
 */
package com.kompaas.webhooks.catalog.boundary;
