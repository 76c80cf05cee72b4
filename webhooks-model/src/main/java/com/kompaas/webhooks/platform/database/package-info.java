/** The embedded MariaDB used when no database is configured (the README's first command). */
package com.kompaas.webhooks.platform.database;
