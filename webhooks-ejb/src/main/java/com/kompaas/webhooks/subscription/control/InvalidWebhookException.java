package com.kompaas.webhooks.subscription.control;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/** Settings that cannot be saved; carries one message per offending field. */
@ApplicationException(rollback = true)
public class InvalidWebhookException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidWebhookException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
