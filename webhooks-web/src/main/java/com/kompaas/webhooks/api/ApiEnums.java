package com.kompaas.webhooks.api;

import com.kompaas.webhooks.delivery.presentation.DeliveriesResource;
import com.kompaas.webhooks.subscription.presentation.WebhookInput;
import com.kompaas.webhooks.subscription.presentation.WebhookJson;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Lists the values of the API's enums in its OpenAPI description ({@code mp.openapi.filter}).
 * Payara's scanner describes an enum-typed record component or query parameter as a bare {@code
 * object}, so a client cannot see that {@code status} is one of {@code PENDING, …, FAILED}. The
 * values come from the enums themselves, so the description cannot drift from the code.
 */
public class ApiEnums implements OASFilter {

  /** The JSON records whose enum components are described, by their schema names. */
  private static final List<Class<? extends Record>> RECORDS =
      List.of(
          WebhookJson.class,
          WebhookInput.class,
          DeliveriesResource.DeliveryJson.class,
          DeliveriesResource.AttemptJson.class);

  /** The resources whose enum query parameters are described. */
  private static final List<Class<?>> RESOURCES = List.of(DeliveriesResource.class);

  @Override
  public void filterOpenAPI(OpenAPI api) {
    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      Map<String, Schema> schemas = api.getComponents().getSchemas();
      for (Class<? extends Record> type : RECORDS) {
        Schema schema = schemas.get(type.getSimpleName());
        if (schema == null || schema.getProperties() == null) {
          continue;
        }
        for (RecordComponent c : type.getRecordComponents()) {
          if (c.getType().isEnum() && schema.getProperties().containsKey(c.getName())) {
            Schema property = schema.getProperties().get(c.getName());
            schema.addProperty(
                c.getName(),
                enumSchema(c.getType(), property == null ? null : property.getDescription()));
          }
        }
      }
    }
    Map<String, Class<?>> queryEnums = queryEnums();
    if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
      return;
    }
    api.getPaths()
        .getPathItems()
        .values()
        .forEach(
            item ->
                item.getOperations()
                    .values()
                    .forEach(
                        operation -> {
                          if (operation.getParameters() == null) {
                            return;
                          }
                          for (Parameter p : operation.getParameters()) {
                            Class<?> type =
                                p.getIn() == Parameter.In.QUERY
                                    ? queryEnums.get(p.getName())
                                    : null;
                            if (type != null) {
                              p.setSchema(
                                  enumSchema(
                                      type,
                                      p.getSchema() == null
                                          ? null
                                          : p.getSchema().getDescription()));
                            }
                          }
                        }));
  }

  private static Map<String, Class<?>> queryEnums() {
    Map<String, Class<?>> found = new HashMap<>();
    for (Class<?> resource : RESOURCES) {
      for (Method m : resource.getMethods()) {
        for (java.lang.reflect.Parameter p : m.getParameters()) {
          QueryParam q = p.getAnnotation(QueryParam.class);
          if (q != null && p.getType().isEnum()) {
            found.put(q.value(), p.getType());
          }
        }
      }
    }
    return found;
  }

  private static Schema enumSchema(Class<?> type, String description) {
    Schema schema =
        OASFactory.createSchema()
            .type(Schema.SchemaType.STRING)
            .enumeration(
                Arrays.stream(type.getEnumConstants())
                    .map(e -> (Object) ((Enum<?>) e).name())
                    .toList());
    return description == null ? schema : schema.description(description);
  }
}
