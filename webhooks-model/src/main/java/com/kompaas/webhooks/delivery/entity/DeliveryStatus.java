package com.kompaas.webhooks.delivery.entity;

/** Where a delivery stands. {@code dueAt} means something different in each active state. */
public enum DeliveryStatus {
  /** Waiting for its next attempt at {@code dueAt}. */
  PENDING,
  /** Handed to the senders' queue; if no sender claims it by {@code dueAt}, it is handed out again. */
  QUEUED,
  /** A sender holds it; if the sender dies, the lease ends at {@code dueAt} and it is handed out again. */
  SENDING,
  /** A 2xx answered. Final, unless resent by hand. */
  SUCCEEDED,
  /** No attempt left, retry off, or the endpoint is gone. Final, unless resent by hand. */
  FAILED;

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED;
  }
}
