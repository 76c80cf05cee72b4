package com.kompaas.webhooks.account.presentation;

import com.kompaas.webhooks.account.boundary.ApiKeys;
import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.account.entity.ApiKey;
import com.kompaas.webhooks.platform.control.AccessDeniedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The account's API keys. Listing is open to the account's admins and keys; issuing and revoking
 * needs a signed-in admin, so a leaked key cannot mint itself successors.
 */
@Path("api-keys")
@ApiKeyRequired
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
public class ApiKeysResource {

  /** A key as listed: never the key itself, only its first characters. */
  public record KeyJson(
      long id,
      String name,
      String prefix,
      String createdBy,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    static KeyJson of(ApiKey k) {
      return new KeyJson(
          k.getId(),
          k.getName(),
          k.getPrefix(),
          k.getCreatedBy(),
          k.getCreatedAt(),
          k.getLastUsedAt(),
          k.getRevokedAt());
    }
  }

  /** A new key: {@code key} is shown this once and cannot be read again. */
  public record IssuedJson(String key, KeyJson apiKey) {}

  /** What to call the new key. */
  public record NewKey(String name) {}

  @Inject ApiKeys apiKeys;

  @Inject CurrentAccount caller;

  @GET
  @Operation(summary = "The account's keys with their last-used time")
  public List<KeyJson> list() {
    return apiKeys.list(caller.requireManagedAccountId()).stream().map(KeyJson::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Issue a key; the answer holds the key, shown this once")
  public Response issue(NewKey request) {
    String account = signedInAdmin();
    ApiKeys.Issued issued =
        apiKeys.issue(account, request == null ? null : request.name(), caller.actor());
    return Response.status(Response.Status.CREATED)
        .entity(new IssuedJson(issued.key(), KeyJson.of(issued.apiKey())))
        .build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Revoke a key; it stops working at once")
  public Response revoke(@PathParam("id") long id) {
    if (!apiKeys.revoke(signedInAdmin(), id)) {
      throw new NotFoundException();
    }
    return Response.noContent().build();
  }

  private String signedInAdmin() {
    String account = caller.requireManagedAccountId();
    if (!caller.isUser()) {
      throw new AccessDeniedException(
          "keys are issued and revoked by a signed-in admin, not by a key");
    }
    return account;
  }
}
