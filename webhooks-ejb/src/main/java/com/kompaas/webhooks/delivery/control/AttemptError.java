package com.kompaas.webhooks.delivery.control;

/** Why an attempt failed, in the words the attempt log and the UI use. */
public enum AttemptError {
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
  OTHER
}
