/**
 * The benchmark (docs/benchmarks.md), not part of the application: a database of its own on the
 * machine's MariaDB, an Artemis broker as its own process, the packaged application, a producer
 * that publishes as a high-volume one would, a non-blocking receiver, and per-process CPU and
 * memory sampling; plus the HTTP client comparison that chose the sender's client.
 */
package com.kompaas.webhooks.bench;
