package com.kompaas.webhooks.catalog.presentation;

import com.kompaas.webhooks.account.presentation.ApiKeyRequired;
import com.kompaas.webhooks.catalog.boundary.Catalog;
import com.kompaas.webhooks.catalog.entity.EventParameter;
import com.kompaas.webhooks.catalog.entity.EventType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The event types webhooks can subscribe to, grouped as the console shows them. Same for every
 * account.
 */
@Path("catalog")
@ApiKeyRequired
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class CatalogResource {

  /** A group of event types. */
  public record Group(String code, String label, List<Type> types) {}

  /** An event type and the parameters its events carry. */
  public record Type(String code, String label, String description, List<Parameter> parameters) {}

  /** One parameter, with the example value previews use. */
  public record Parameter(String name, String type, String description, String example) {}

  @Inject Catalog catalog;

  @GET
  @Operation(summary = "Every group with its event types and their parameters")
  public List<Group> groups() {
    return catalog.groups().stream()
        .map(
            g ->
                new Group(
                    g.group().getCode(),
                    g.group().getLabel(),
                    g.types().stream().map(CatalogResource::type).toList()))
        .toList();
  }

  private static Type type(EventType t) {
    return new Type(
        t.getCode(),
        t.getLabel(),
        t.getDescription(),
        t.getParameters().stream().map(CatalogResource::parameter).toList());
  }

  private static Parameter parameter(EventParameter p) {
    return new Parameter(p.getName(), p.getType().name(), p.getDescription(), p.getExample());
  }
}
