package com.kompaas.webhooks.platform.presentation;

import com.kompaas.webhooks.platform.control.FieldError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A request the API refuses, already as its answer: the status and the one error shape naming the
 * field. A {@link WebApplicationException}, so whoever catches it on the way (Jersey's parameter
 * extraction, the body reader) passes it on unchanged.
 */
public class ApiException extends WebApplicationException {

  private final List<FieldError> errors;

  public ApiException(Response.Status status, String field, String message) {
    this(status, List.of(new FieldError(field, message)));
  }

  public ApiException(Response.Status status, List<FieldError> errors) {
    super(errors.toString(), ApiExceptionMapper.errors(status, errors));
    this.errors = List.copyOf(errors);
  }

  /** A value of the request that cannot be used: 400. */
  public static ApiException invalid(String field, String message) {
    return new ApiException(Response.Status.BAD_REQUEST, field, message);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
