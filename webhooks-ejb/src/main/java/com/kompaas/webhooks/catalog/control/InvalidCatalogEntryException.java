package com.kompaas.webhooks.catalog.control;

import com.kompaas.webhooks.subscription.control.FieldError;
import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/** An event type that cannot be saved; one message per offending field. */
@ApplicationException(rollback = true)
public class InvalidCatalogEntryException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidCatalogEntryException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
