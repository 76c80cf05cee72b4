/**
 * What the rest of the application calls to deliver: the dispatcher that hands stored deliveries to
 * the senders after their commit, the sender pool, the scheduler that resends what is due, the
 * delivery log reads and statistics, and the console's test send.
 */
package com.kompaas.webhooks.delivery.boundary;
