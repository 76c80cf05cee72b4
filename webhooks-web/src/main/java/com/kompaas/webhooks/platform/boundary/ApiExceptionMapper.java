package com.kompaas.webhooks.platform.boundary;

import com.kompaas.webhooks.account.control.AccessDeniedException;
import com.kompaas.webhooks.subscription.control.FieldError;
import com.kompaas.webhooks.subscription.control.InvalidWebhookException;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns failures into JSON answers: {@code 400} with one error per field, {@code 403}, {@code 409}
 * for a stale version; anything unexpected is logged under an id and answered {@code 500} with
 * only that id, never a stack trace.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<RuntimeException> {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  @Override
  public Response toResponse(RuntimeException e) {
    Throwable t = e;
    while (t instanceof EJBException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof WebApplicationException w) {
      return w.getResponse();
    }
    if (t instanceof InvalidWebhookException invalid) {
      return fieldErrors(invalid.errors());
    }
    if (t instanceof AccessDeniedException) {
      return error(Response.Status.FORBIDDEN, t.getMessage());
    }
    if (t instanceof OptimisticLockException || t.getCause() instanceof OptimisticLockException) {
      return error(Response.Status.CONFLICT, "changed by someone else in the meantime; reload it and try again");
    }
    if (t instanceof IllegalArgumentException) {
      return error(Response.Status.BAD_REQUEST, t.getMessage());
    }
    String id = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "REST call failed, error id " + id, e);
    return error(Response.Status.INTERNAL_SERVER_ERROR, "internal error " + id);
  }

  public static Response fieldErrors(List<FieldError> errors) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    errors.forEach(f -> array.add(Json.createObjectBuilder().add("field", f.field()).add("message", f.message())));
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Json.createObjectBuilder().add("errors", array).build().toString())
        .build();
  }

  public static Response error(Response.Status status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Json.createObjectBuilder().add("error", message == null ? status.getReasonPhrase() : message).build().toString())
        .build();
  }
}
