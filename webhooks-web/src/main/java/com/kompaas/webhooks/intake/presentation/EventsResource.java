package com.kompaas.webhooks.intake.presentation;

import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.account.presentation.ApiKeyRequired;
import com.kompaas.webhooks.intake.boundary.Intake;
import com.kompaas.webhooks.intake.control.InvalidEventException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Event intake over HTTP for producers that cannot speak JMS: the same JSON as the {@code
 * webhooks.events} queue. An account key may submit only its own account's events; the platform key
 * any account's. Idempotent on (accountId, id): a repeat answers 202 with the stored event.
 */
@Path("events")
@ApiKeyRequired
@RequestScoped
@Tag(name = "Events")
public class EventsResource {

  private static final Logger LOG = Logger.getLogger(EventsResource.class.getName());

  @Inject Intake intake;

  @Inject CurrentAccount caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Submit one event; 202 with the stored event id, 400 with the field and reason")
  public Response submit(String body) {
    // publishing sends deliveries: a change, so a viewer is refused (403) like any other change
    String allowed = caller.isPlatformKey() ? null : caller.requireManagedAccountId();
    Intake.Accepted accepted;
    try {
      accepted = intake.submit(body, allowed);
    } catch (InvalidEventException e) {
      return invalid(e);
    } catch (EJBException e) {
      if (e.getCause() instanceof InvalidEventException invalid) {
        return invalid(invalid);
      }
      throw e;
    }
    return Response.accepted(
            Json.createObjectBuilder()
                .add("eventId", accepted.eventId())
                .add("duplicate", accepted.outcome() == Intake.Outcome.DUPLICATE)
                .add("deliveries", accepted.deliveries())
                .build())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** The parser's reasons start with the field they are about. */
  private static Response invalid(InvalidEventException e) {
    String message = e.getMessage();
    String field = message.split("[ :']", 2)[0];
    if (!field.matches("id|type|accountId|occurredAt|data")) {
      field = "body";
    }
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            Json.createObjectBuilder()
                .add(
                    "errors",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder().add("field", field).add("message", message)))
                .build())
        .build();
  }
}
