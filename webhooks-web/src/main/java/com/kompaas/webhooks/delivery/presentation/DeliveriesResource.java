package com.kompaas.webhooks.delivery.presentation;

import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.account.control.Credentials;
import com.kompaas.webhooks.account.presentation.ApiKeyRequired;
import com.kompaas.webhooks.delivery.boundary.Deliveries;
import com.kompaas.webhooks.delivery.entity.Attempt;
import com.kompaas.webhooks.delivery.entity.Delivery;
import com.kompaas.webhooks.delivery.entity.DeliveryError;
import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import com.kompaas.webhooks.platform.presentation.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The delivery log and resends over REST, scoped like everything else to the caller's account:
 * another account's delivery answers 404, exactly like one that does not exist.
 */
@Path("deliveries")
@ApiKeyRequired
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries")
public class DeliveriesResource {

  static final int MAX_PAGE = 500;

  @Inject Deliveries deliveries;

  @Inject CurrentAccount caller;

  /** One delivery as the log shows it. */
  public record DeliveryJson(
      long id,
      long webhookId,
      String eventId,
      String eventType,
      DeliveryStatus status,
      int attempts,
      Instant nextAttemptAt,
      Instant lastAttemptAt,
      Integer lastStatusCode,
      DeliveryError lastError,
      Instant createdAt) {
    static DeliveryJson of(Delivery d) {
      return new DeliveryJson(
          d.getId(),
          d.getWebhookId(),
          d.getExternalEventId(),
          d.getEventType(),
          d.getStatus(),
          d.getAttempts(),
          d.getNextAttemptAt(),
          d.getLastAttemptAt(),
          d.getLastStatusCode(),
          d.getLastError(),
          d.getCreatedAt());
    }
  }

  /** One attempt: the request as sent (credentials masked) and the response (truncated). */
  public record AttemptJson(
      int number,
      boolean manual,
      Instant startedAt,
      long durationMs,
      String outcome,
      DeliveryError error,
      String errorDetail,
      String requestMethod,
      String requestUrl,
      String requestHeaders,
      String requestBody,
      Integer responseStatus,
      String responseHeaders,
      String responseBody,
      boolean responseTruncated) {
    static AttemptJson of(Attempt a) {
      return new AttemptJson(
          a.getNumber(),
          a.isManual(),
          a.getStartedAt(),
          a.getDurationMs(),
          a.getOutcome().name(),
          a.getError(),
          a.getErrorDetail(),
          a.getRequestMethod(),
          a.getRequestUrl(),
          a.getRequestHeaders(),
          a.getRequestBody(),
          a.getResponseStatus(),
          a.getResponseHeaders(),
          a.getResponseBody(),
          a.isResponseTruncated());
    }

    /** A viewer sees which headers and query parameters were sent, not their values. */
    AttemptJson forViewer() {
      return new AttemptJson(
          number,
          manual,
          startedAt,
          durationMs,
          outcome,
          error,
          errorDetail,
          requestMethod,
          Credentials.urlForViewer(requestUrl),
          Credentials.headerLinesForViewer(requestHeaders),
          requestBody,
          responseStatus,
          responseHeaders,
          responseBody,
          responseTruncated);
    }
  }

  @GET
  @Operation(summary = "The account's deliveries, newest first, with optional filters")
  public List<DeliveryJson> list(
      @QueryParam("webhookId") Long webhookId,
      @QueryParam("status") DeliveryStatus status,
      @QueryParam("eventType") String eventType,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("eventId") String eventId,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    var filter = filter(webhookId, status, eventType, from, to, eventId);
    return deliveries
        .list(
            caller.requireAccountId(),
            filter,
            Math.max(0, first),
            Math.min(Math.max(1, max), MAX_PAGE))
        .stream()
        .map(DeliveryJson::of)
        .toList();
  }

  @GET
  @Path("count")
  @Operation(
      summary =
          "How many deliveries match the filters, exactly up to 10,000; beyond, more is true and count 10000")
  public Deliveries.Count count(
      @QueryParam("webhookId") Long webhookId,
      @QueryParam("status") DeliveryStatus status,
      @QueryParam("eventType") String eventType,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("eventId") String eventId) {
    return deliveries.count(
        caller.requireAccountId(), filter(webhookId, status, eventType, from, to, eventId));
  }

  private static Deliveries.Filter filter(
      Long webhookId,
      DeliveryStatus status,
      String eventType,
      String from,
      String to,
      String eventId) {
    return new Deliveries.Filter(
        webhookId, status, eventType, instant("from", from), instant("to", to), eventId);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One delivery")
  public DeliveryJson get(@PathParam("id") long id) {
    return deliveries
        .find(caller.requireAccountId(), id)
        .map(DeliveryJson::of)
        .orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("{id}/attempts")
  @Operation(summary = "Every attempt of one delivery, in order")
  public List<AttemptJson> attempts(@PathParam("id") long id) {
    String account = caller.requireAccountId();
    deliveries.find(account, id).orElseThrow(NotFoundException::new);
    List<AttemptJson> attempts =
        deliveries.attempts(account, id).stream().map(AttemptJson::of).toList();
    return caller.canManage() ? attempts : attempts.stream().map(AttemptJson::forViewer).toList();
  }

  @POST
  @Path("{id}/resend")
  @Operation(summary = "Another attempt now, as a new attempt; 409 while it is being sent")
  public Response resend(@PathParam("id") long id) {
    String account = caller.requireManagedAccountId();
    deliveries.find(account, id).orElseThrow(NotFoundException::new);
    if (!deliveries.resend(account, id)) {
      throw new ApiException(
          Response.Status.CONFLICT,
          "id",
          "the delivery is being sent right now; try again when it is done");
    }
    return Response.accepted(Map.of("resent", 1)).build();
  }

  @POST
  @Path("resend-failed")
  @Operation(summary = "Resend a webhook's failed deliveries created in [from, to), at most 1,000")
  public Map<String, Integer> resendFailed(
      @QueryParam("webhookId") Long webhookId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return Map.of(
        "resent",
        deliveries.resendFailed(
            caller.requireManagedAccountId(),
            required(webhookId),
            required("from", from),
            required("to", to)));
  }

  @POST
  @Path("replay")
  @Operation(
      summary =
          "Deliver to a webhook the stored events of [from, to) it has not had (it was off), at most 1,000")
  public Map<String, Integer> replay(
      @QueryParam("webhookId") Long webhookId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return Map.of(
        "replayed",
        deliveries.replay(
            caller.requireManagedAccountId(),
            required(webhookId),
            required("from", from),
            required("to", to)));
  }

  private static long required(Long webhookId) {
    if (webhookId == null) {
      throw ApiException.invalid("webhookId", "is required: the id of the webhook");
    }
    return webhookId;
  }

  private static Instant required(String name, String value) {
    Instant instant = instant(name, value);
    if (instant == null) {
      throw ApiException.invalid(name, "is required (ISO-8601, e.g. 2026-11-28T10:00:00Z)");
    }
    return instant;
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(name, "is not an ISO-8601 instant like 2026-11-28T10:00:00Z");
    }
  }
}
