package com.kompaas.webhooks.subscription.presentation;

import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.account.presentation.ApiKeyRequired;
import com.kompaas.webhooks.platform.control.FieldError;
import com.kompaas.webhooks.subscription.boundary.Webhooks;
import com.kompaas.webhooks.subscription.control.InvalidWebhookException;
import com.kompaas.webhooks.subscription.control.RenderedRequest;
import com.kompaas.webhooks.subscription.entity.Webhook;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's webhooks. The account always comes from {@link CurrentAccount}, never from the
 * request: another account's webhook id answers 404, exactly like an id that does not exist.
 */
@Path("webhooks")
@ApiKeyRequired
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhooksResource {

  @Inject Webhooks webhooks;

  @Inject CurrentAccount caller;

  @GET
  @Operation(summary = "The account's webhooks, by title")
  public List<WebhookJson> list() {
    return webhooks.list(caller.requireAccountId()).stream().map(this::json).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One webhook")
  public WebhookJson get(@PathParam("id") long id) {
    return webhooks
        .find(caller.requireAccountId(), id)
        .map(this::json)
        .orElseThrow(NotFoundException::new);
  }

  /**
   * What the caller may see of a webhook: everything for admins, no stored credential for viewers.
   */
  private WebhookJson json(Webhook w) {
    return caller.canManage() ? WebhookJson.of(w) : WebhookJson.forViewer(w);
  }

  /** A webhook's signing secret, as {@code {"secret":"whsec_..."}}. */
  public record SecretJson(String secret) {}

  @GET
  @Path("{id}/secret")
  @Operation(summary = "The signing secret receivers verify with (admins; viewers 403)")
  public SecretJson secret(@PathParam("id") long id) {
    return webhooks
        .find(caller.requireManagedAccountId(), id)
        .map(w -> new SecretJson(w.getSecret()))
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("{id}/secret/rotate")
  @Operation(
      summary =
          "A new signing secret; each replaced one keeps signing beside it for 24 hours (admins)")
  public SecretJson rotateSecret(@PathParam("id") long id) {
    return webhooks
        .rotateSecret(caller.requireManagedAccountId(), id)
        .map(w -> new SecretJson(w.getSecret()))
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a webhook; 400 with one error per field if the settings are wrong")
  public Response create(WebhookInput input, @Context UriInfo uri) {
    var created = webhooks.create(caller.requireManagedAccountId(), required(input).settings());
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
        .entity(WebhookJson.of(created))
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace a webhook's settings; send the version you read, 409 if it changed since")
  public WebhookJson update(@PathParam("id") long id, WebhookInput input) {
    String account = caller.requireManagedAccountId();
    if (required(input).version() == null) {
      throw new InvalidWebhookException(
          List.of(new FieldError("version", "Send the version you read")));
    }
    return webhooks
        .update(account, id, input.version(), input.settings())
        .map(WebhookJson::of)
        .orElseThrow(NotFoundException::new);
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Delete a webhook; its deliveries and attempts are kept, and it is 404 from now on")
  public Response delete(@PathParam("id") long id) {
    if (!webhooks.delete(caller.requireManagedAccountId(), id)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/enable")
  @Operation(summary = "Deliver events again")
  public WebhookJson enable(@PathParam("id") long id) {
    return webhooks
        .enable(caller.requireManagedAccountId(), id, true)
        .map(WebhookJson::of)
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("{id}/disable")
  @Operation(summary = "Stop delivering events (they are still stored)")
  public WebhookJson disable(@PathParam("id") long id) {
    return webhooks
        .enable(caller.requireManagedAccountId(), id, false)
        .map(WebhookJson::of)
        .orElseThrow(NotFoundException::new);
  }

  @GET
  @Path("{id}/preview")
  @Operation(summary = "The request a saved webhook sends for its event type's example event")
  public RenderedRequest preview(@PathParam("id") long id) {
    return webhooks
        .preview(caller.requireAccountId(), id, !caller.canManage())
        .orElseThrow(NotFoundException::new);
  }

  @POST
  @Path("preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The request unsaved settings would send for the event type's example event")
  public RenderedRequest preview(WebhookInput input) {
    return webhooks.preview(caller.requireAccountId(), required(input).settings());
  }

  private static WebhookInput required(WebhookInput input) {
    if (input == null) {
      throw new InvalidWebhookException(
          List.of(new FieldError("body", "Send the webhook's settings as JSON")));
    }
    return input;
  }
}
