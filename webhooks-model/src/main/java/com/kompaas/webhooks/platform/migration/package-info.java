/** Flyway, run by Hibernate's integrator before the persistence unit starts. */
package com.kompaas.webhooks.platform.migration;
