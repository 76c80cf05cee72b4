package com.kompaas.webhooks.delivery.entity;

/** Where a delivery stands. {@code dueAt} means something different in each active state. */
public enum DeliveryStatus {
  /** Waiting for its next attempt at {@code dueAt}. */
  PENDING,
  /**
   * Handed to the senders' queue, to be claimed by a sender; written only by versions before 2 Dec
   * 2026 (the scheduler now hands deliveries out {@code SENDING}); handed out again at {@code
   * dueAt}.
   */
  QUEUED,
  /**
   * A sender holds it; if the sender dies, the lease ends at {@code dueAt} and it is handed out
   * again.
   */
  SENDING,
  /** A 2xx answered. Final, unless resent by hand. */
  SUCCEEDED,
  /** No attempt left, retry off, or the endpoint is gone. Final, unless resent by hand. */
  FAILED;

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED;
  }
}
