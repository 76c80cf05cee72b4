package com.kompaas.webhooks.platform.presentation;

import com.kompaas.webhooks.platform.control.AccessDeniedException;
import com.kompaas.webhooks.platform.control.FieldError;
import com.kompaas.webhooks.platform.control.InvalidInputException;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure of a REST call into the API's one error shape, {@code
 * {"errors":[{"field":"...","message":"..."}]}}: {@code 400} with one error per field, {@code 401},
 * {@code 403}, {@code 404} naming {@code id} (an unknown id) or {@code path} (no such resource),
 * {@code 405}, {@code 406}, {@code 409} for a stale version, {@code 413}, {@code 415}. A client's
 * mistake is not logged: it is the client's to read. Anything unexpected is logged once under an id
 * and answered {@code 500} with only that id, never a stack trace.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  /** The resource method the request matched, if any: tells "no such id" from "no such path". */
  @Context ResourceInfo resource;

  @Override
  public Response toResponse(Throwable e) {
    Throwable t = e;
    while (t instanceof EJBException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ApiException api) {
      return api.getResponse();
    }
    if (t instanceof WebApplicationException w) {
      return protocolError(w);
    }
    if (t instanceof InvalidInputException invalid) {
      return fieldErrors(invalid.errors());
    }
    if (t instanceof AccessDeniedException) {
      return error(Response.Status.FORBIDDEN, "Authorization", t.getMessage());
    }
    if (t instanceof OptimisticLockException || t.getCause() instanceof OptimisticLockException) {
      return error(
          Response.Status.CONFLICT,
          "version",
          "changed by someone else in the meantime; reload it and try again");
    }
    if (t instanceof IllegalArgumentException) {
      return error(Response.Status.BAD_REQUEST, "body", t.getMessage());
    }
    String id = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "REST call failed, error id " + id, e);
    return error(Response.Status.INTERNAL_SERVER_ERROR, "request", "internal error " + id);
  }

  /**
   * Jersey's own refusals (no resource, wrong method, media types) and the resources' {@code
   * NotFoundException}s arrive without a body: give them the one shape, keeping their headers
   * (405's {@code Allow}).
   */
  private Response protocolError(WebApplicationException w) {
    Response r = w.getResponse();
    Response.StatusType status = r.getStatusInfo();
    if (r.hasEntity() && MediaType.APPLICATION_JSON_TYPE.isCompatible(r.getMediaType())) {
      return r;
    }
    String field;
    String message;
    switch (status.getStatusCode()) {
      case 401 -> {
        field = HttpHeaders.AUTHORIZATION;
        message = "send Authorization: Bearer <API key>";
      }
      case 403 -> {
        field = HttpHeaders.AUTHORIZATION;
        message = "not allowed for this caller";
      }
      case 404 -> {
        String param = pathParameter();
        field = param == null ? "path" : param;
        message = param == null ? "no such resource in the API; see /openapi" : "no such " + param;
      }
      case 405 -> {
        field = "method";
        message = "not allowed here; allowed: " + String.join(", ", r.getAllowedMethods());
      }
      case 406 -> {
        field = HttpHeaders.ACCEPT;
        message = "this resource answers " + MediaType.APPLICATION_JSON;
      }
      case 409 -> {
        // the resources' own conflicts say why in their message
        field = "id";
        message = w.getMessage();
      }
      case 413 -> {
        field = "body";
        message = "too large";
      }
      case 415 -> {
        field = HttpHeaders.CONTENT_TYPE;
        message = "send " + MediaType.APPLICATION_JSON;
      }
      default -> {
        field = status.getFamily() == Response.Status.Family.SERVER_ERROR ? "request" : "body";
        message = status.getReasonPhrase();
      }
    }
    return Response.fromResponse(r)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body(List.of(new FieldError(field, message))))
        .build();
  }

  /** The name of the matched method's path parameter, such as {@code id}; null if none matched. */
  private String pathParameter() {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return null;
    }
    for (Parameter p : method.getParameters()) {
      jakarta.ws.rs.PathParam path = p.getAnnotation(jakarta.ws.rs.PathParam.class);
      if (path != null) {
        return path.value();
      }
    }
    return "id";
  }

  public static Response fieldErrors(List<FieldError> errors) {
    return errors(Response.Status.BAD_REQUEST, errors);
  }

  public static Response errors(Response.StatusType status, List<FieldError> errors) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body(errors))
        .build();
  }

  public static Response error(Response.Status status, String field, String message) {
    return errors(
        status,
        List.of(new FieldError(field, message == null ? status.getReasonPhrase() : message)));
  }

  /** The one shape, with the field a status is usually about: the credentials for 401 and 403. */
  public static Response error(Response.Status status, String message) {
    String field =
        switch (status) {
          case UNAUTHORIZED, FORBIDDEN -> HttpHeaders.AUTHORIZATION;
          case CONFLICT -> "version";
          case NOT_FOUND -> "id";
          case REQUEST_ENTITY_TOO_LARGE, BAD_REQUEST -> "body";
          default -> "request";
        };
    return error(status, field, message);
  }

  static String body(List<FieldError> errors) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    errors.forEach(
        f ->
            array.add(
                Json.createObjectBuilder()
                    .add("field", f.field())
                    .add("message", f.message() == null ? "" : f.message())));
    return Json.createObjectBuilder().add("errors", array).build().toString();
  }
}
