package com.kompaas.webhooks.account.presentation;

import com.kompaas.webhooks.account.boundary.AuditLog;
import com.kompaas.webhooks.account.boundary.CurrentAccount;
import com.kompaas.webhooks.account.entity.AuditEntry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The account's audit log of webhook changes, for its admins. Secrets are masked already. */
@Path("audit")
@ApiKeyRequired
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
public class AuditResource {

  static final int MAX = 500;

  /** One change: {@code before} and {@code after} are the settings as JSON text, or null. */
  public record EntryJson(
      long id,
      Instant at,
      String actor,
      String action,
      long webhookId,
      String before,
      String after) {
    static EntryJson of(AuditEntry e) {
      return new EntryJson(
          e.getId(),
          e.getAt(),
          e.getActor(),
          e.getAction().name(),
          e.getWebhookId(),
          e.getBefore(),
          e.getAfter());
    }
  }

  @Inject AuditLog audit;

  @Inject CurrentAccount caller;

  @GET
  @Operation(
      summary = "Who changed which webhook and when, newest first; optionally for one webhook")
  public List<EntryJson> entries(
      @QueryParam("webhookId") Long webhookId, @QueryParam("max") @DefaultValue("100") int max) {
    String account = caller.requireManagedAccountId();
    int limit = Math.max(1, Math.min(max, MAX));
    List<AuditEntry> entries =
        webhookId == null
            ? audit.forAccount(account, limit)
            : audit.forWebhook(account, webhookId, limit);
    return entries.stream().map(EntryJson::of).toList();
  }
}
