package com.kompaas.webhooks.platform.presentation;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API, version 1. Payara Micro serves its OpenAPI description at {@code /openapi}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "KOMPaaS WebHooks API",
            version = "1",
            description =
                "Webhooks of one account. Authenticate with an account API key as"
                    + " 'Authorization: Bearer <key>'; keys are issued in the console or by POST /api/v1/api-keys."),
    security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class ApiApplication extends Application {

  /**
   * No WADL: Jersey answered {@code OPTIONS} with a WADL document naming its version, which tells
   * an attacker what to look up. The OpenAPI description at {@code /openapi} is the API's
   * description.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
