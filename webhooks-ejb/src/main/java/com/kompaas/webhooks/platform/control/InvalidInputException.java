package com.kompaas.webhooks.platform.control;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that cannot be saved, with one message per offending field: the REST API answers it with
 * 400 and the fields, the console shows each message beside its field. Rolls the transaction back.
 */
@ApplicationException(rollback = true, inherited = true)
public class InvalidInputException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
