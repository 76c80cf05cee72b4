package com.kompaas.webhooks.catalog.control;

import com.kompaas.webhooks.platform.control.FieldError;
import com.kompaas.webhooks.platform.control.InvalidInputException;
import java.util.List;

/** An event type that cannot be saved; one message per offending field. */
public class InvalidCatalogEntryException extends InvalidInputException {

  public InvalidCatalogEntryException(List<FieldError> errors) {
    super(errors);
  }
}
