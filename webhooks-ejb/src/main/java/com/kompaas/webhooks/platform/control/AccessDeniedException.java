package com.kompaas.webhooks.platform.control;

import jakarta.ejb.ApplicationException;

/** The caller may not do this: not signed in, another account, or a role that only reads. */
@ApplicationException(rollback = true)
public class AccessDeniedException extends RuntimeException {

  public AccessDeniedException(String message) {
    super(message);
  }
}
