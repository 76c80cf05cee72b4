/**
 * Container resources every component uses (the data source and the broker's connection factory)
 * and the readiness checks of the database and the broker.
 */
package com.kompaas.webhooks.platform.boundary;
