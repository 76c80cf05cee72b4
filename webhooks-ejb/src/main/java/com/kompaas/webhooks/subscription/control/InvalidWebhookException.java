package com.kompaas.webhooks.subscription.control;

import com.kompaas.webhooks.platform.control.FieldError;
import com.kompaas.webhooks.platform.control.InvalidInputException;
import java.util.List;

/** Settings that cannot be saved; carries one message per offending field. */
public class InvalidWebhookException extends InvalidInputException {

  public InvalidWebhookException(List<FieldError> errors) {
    super(errors);
  }
}
