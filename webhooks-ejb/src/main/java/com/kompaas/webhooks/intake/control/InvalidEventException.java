package com.kompaas.webhooks.intake.control;

/** A message that breaks the contract; its message says why, in words a producer can act on. */
@jakarta.ejb.ApplicationException(rollback = true)
public class InvalidEventException extends RuntimeException {

  public InvalidEventException(String reason) {
    super(reason);
  }
}
