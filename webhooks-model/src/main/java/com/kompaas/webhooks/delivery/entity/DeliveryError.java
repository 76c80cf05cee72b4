package com.kompaas.webhooks.delivery.entity;

/**
 * Why an attempt failed, or why a delivery ended without one, in the words the attempt log, the
 * REST API and the console use. Stored by name in {@code attempt.error} and {@code
 * delivery.last_error}; the names are a contract, so a constant is added, never renamed.
 */
public enum DeliveryError {
  /** Connect, read or the whole exchange took longer than allowed. */
  TIMEOUT,
  /** Nothing accepted the connection: refused, unreachable. */
  CONNECTION_REFUSED,
  /** The host name did not resolve. */
  DNS,
  /** The TLS handshake failed: untrusted or mismatched certificate, no common protocol. */
  TLS,
  /** A response arrived with a status other than 2xx. */
  HTTP_STATUS,
  /** The address guard refused the destination; no traffic was sent. */
  BLOCKED_ADDRESS,
  OTHER,
  /** Not an attempt's: the delivery ended unsent because its webhook was deleted. */
  WEBHOOK_DELETED,
  /** Not an attempt's: the delivery ended unsent because its webhook was switched off. */
  WEBHOOK_DISABLED;

  /** Whether an attempt can end with it (the others end a delivery that had none). */
  public boolean ofAnAttempt() {
    return this != WEBHOOK_DELETED && this != WEBHOOK_DISABLED;
  }
}
