package com.kompaas.webhooks.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.account.boundary.Accounts;
import com.kompaas.webhooks.account.boundary.ApiKeys;
import com.kompaas.webhooks.it.ConsoleHttp;
import com.kompaas.webhooks.it.Deployments;
import com.kompaas.webhooks.subscription.boundary.Webhooks;
import com.kompaas.webhooks.subscription.entity.Webhook;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a REST client sees when its request is wrong, over real HTTP against the deployed WAR: every
 * error under {@code /api/} is {@code application/json} in the one shape {@code
 * {"errors":[{"field":...,"message":...}]}}, names the field at fault, and carries no stack trace;
 * bodies over the limit are refused with 413 before they are read whole.
 */
@ExtendWith(ArquillianExtension.class)
class RestErrorsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.webhooks(RestErrorsIT.class);
  }

  @ArquillianResource URL base;

  @Inject Accounts accounts;

  @Inject ApiKeys apiKeys;

  @Inject Webhooks webhooks;

  /** HTTP/1.1, as curl and most clients speak to a plain-HTTP server. */
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private String account;
  private String key;
  private Webhook hook;

  @BeforeEach
  void anAccountWithAKeyAndAWebhook() {
    account = "rest-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.createAccount(account, "REST errors");
    key = apiKeys.issue(account, "ci", "test").key();
    hook =
        webhooks.create(
            account,
            WebhookSettings.builder("call.incoming.start")
                .title("errors")
                .url("http://127.0.0.1:9/e")
                .build());
  }

  private URI uri(String path) throws Exception {
    return ConsoleHttp.anonymous(base.toURI()).resolve(path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String method, String path, byte[] body) throws Exception {
    return HttpRequest.newBuilder(uri(path))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private HttpResponse<String> call(String method, String path, String json) throws Exception {
    return send(request(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Asserts the one error shape and returns its first error. Every check a client relies on: the
   * status, JSON by its content type, a named field, a message, and nothing of the server's
   * insides.
   */
  private static JsonObject assertError(int status, String field, HttpResponse<String> answer) {
    String what =
        answer.request().method()
            + " "
            + answer.request().uri().getRawPath()
            + " answered "
            + answer.statusCode()
            + " "
            + answer.headers().firstValue("Content-Type").orElse("(no type)")
            + ": "
            + answer.body().substring(0, Math.min(answer.body().length(), 400));
    assertEquals(status, answer.statusCode(), what);
    assertTrue(
        answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        what);
    assertFalse(answer.body().contains("Exception"), what);
    assertFalse(answer.body().contains("at com."), what);
    assertFalse(answer.body().contains("at org."), what);
    assertTrue(answer.body().length() < 2_000, what);
    JsonObject json = Json.createReader(new StringReader(answer.body())).readObject();
    JsonArray errors = json.getJsonArray("errors");
    assertTrue(errors != null && !errors.isEmpty(), what);
    JsonObject first = errors.getJsonObject(0);
    assertFalse(first.getString("message", "").isBlank(), what);
    if (field != null) {
      assertTrue(
          errors.stream()
              .map(JsonValue::asJsonObject)
              .anyMatch(e -> e.getString("field", "").equals(field)),
          what + " (expected field " + field + ")");
    }
    return first;
  }

  private String valid() {
    return "{\"eventType\":\"call.incoming.start\",\"title\":\"t\",\"url\":\"http://127.0.0.1:9/x\"}";
  }

  @Test
  void malformedWebhookBodiesName400AndTheField() throws Exception {
    assertError(400, "body", call("POST", "/api/v1/webhooks", "["));
    assertError(400, "body", call("POST", "/api/v1/webhooks", "{\"title\":"));
    assertError(400, "body", call("POST", "/api/v1/webhooks", "\uFEFF" + valid()));
    assertError(400, "body", call("POST", "/api/v1/webhooks", "[1,2]"));
    assertError(400, "body", call("POST", "/api/v1/webhooks", valid() + "{}"));
    assertError(
        400, "retryIfError", call("POST", "/api/v1/webhooks", "{\"retryIfError\":\"yes\"}"));
    assertError(400, "title", call("POST", "/api/v1/webhooks", "{\"title\":5}"));
    assertError(400, "parameters", call("POST", "/api/v1/webhooks", "{\"parameters\":\"did\"}"));
    assertError(400, "parameters[0]", call("POST", "/api/v1/webhooks", "{\"parameters\":[1]}"));
    assertError(
        400,
        "headers[0].name",
        call("POST", "/api/v1/webhooks", "{\"headers\":[{\"name\":1,\"value\":\"v\"}]}"));
    assertError(400, "headers[0]", call("POST", "/api/v1/webhooks", "{\"headers\":[\"X-A: b\"]}"));
    assertError(
        400, "eventType", call("POST", "/api/v1/webhooks", "{\"enabled\":null,\"eventType\":{}}"));
    assertError(400, "body", call("POST", "/api/v1/webhooks", "{\"title\":\"a\",\"title\":\"b\"}"));
    assertError(400, "body", call("POST", "/api/v1/webhooks", valid() + "\u0000"));
    assertError(400, "method", call("POST", "/api/v1/webhooks", "{\"method\":\"FETCH\"}"));
    assertError(
        400, "version", call("PUT", "/api/v1/webhooks/" + hook.getId(), "{\"version\":\"abc\"}"));
    assertError(
        400, "version", call("PUT", "/api/v1/webhooks/" + hook.getId(), "{\"version\":1.5}"));
    assertError(
        400,
        "version",
        call("PUT", "/api/v1/webhooks/" + hook.getId(), "{\"version\":99999999999999999999999}"));
    assertError(
        400, "body", call("POST", "/api/v1/webhooks/preview", "{\"title\":" + "[".repeat(20_000)));
    assertError(400, "body", call("POST", "/api/v1/webhooks", "[".repeat(50_000)));
    // the other JSON bodies (read by JSON-B) are refused on body as well, before any other check
    assertError(400, "body", call("POST", "/api/v1/api-keys", "["));
    assertError(400, "body", call("POST", "/api/v1/accounts", "{\"id\":"));
    // long but within the limit: the settings' own checks answer, on the field
    assertError(
        400,
        "title",
        call(
            "POST",
            "/api/v1/webhooks",
            "{\"eventType\":\"call.incoming.start\",\"url\":\"http://127.0.0.1:9/x\",\"title\":\""
                + "t".repeat(40_000)
                + "\"}"));
    // and the webhook is unchanged by all of it; a well-formed body still works
    assertEquals(201, call("POST", "/api/v1/webhooks", valid()).statusCode());
    HttpResponse<String> read = call("GET", "/api/v1/webhooks/" + hook.getId(), null);
    long version =
        Json.createReader(new StringReader(read.body()))
            .readObject()
            .getJsonNumber("version")
            .longValue();
    assertEquals(
        200,
        call(
                "PUT",
                "/api/v1/webhooks/" + hook.getId(),
                read.body().replaceFirst("\"title\":\"errors\"", "\"title\":\"renamed\""))
            .statusCode(),
        "a webhook read back is a valid change (its extra fields are ignored), version " + version);
  }

  @Test
  void unknownIdsAndBadPathValuesAnswerJsonNamingId() throws Exception {
    assertError(404, "id", call("GET", "/api/v1/webhooks/999999999", null));
    assertError(
        404,
        "id",
        call("PUT", "/api/v1/webhooks/999999999", valid().replace("}", ",\"version\":0}")));
    assertError(404, "id", call("DELETE", "/api/v1/webhooks/999999999", null));
    assertError(404, "id", call("GET", "/api/v1/deliveries/999999999", null));
    assertError(404, "id", call("GET", "/api/v1/deliveries/999999999/attempts", null));
    assertError(400, "id", call("GET", "/api/v1/deliveries/abc", null));
    assertError(400, "id", call("GET", "/api/v1/webhooks/abc", null));
    assertError(400, "id", call("POST", "/api/v1/webhooks/1e3/disable", null));
    assertError(400, "id", call("DELETE", "/api/v1/api-keys/abc", null));
  }

  @Test
  void enumQueryValuesInAnyCaseAndBadValuesNameTheParameter() throws Exception {
    assertEquals(200, call("GET", "/api/v1/deliveries?status=failed", null).statusCode());
    assertEquals(200, call("GET", "/api/v1/deliveries?status=Succeeded", null).statusCode());
    assertEquals(200, call("GET", "/api/v1/deliveries?status=FAILED", null).statusCode());
    JsonObject status =
        assertError(400, "status", call("GET", "/api/v1/deliveries?status=nope", null));
    assertTrue(
        status.getString("message").contains("FAILED")
            && status.getString("message").contains("SUCCEEDED"),
        "the allowed values are listed: " + status);
    assertError(400, "from", call("GET", "/api/v1/deliveries?from=yesterday", null));
    assertError(400, "to", call("GET", "/api/v1/deliveries?to=2026-13-01", null));
    assertError(400, "webhookId", call("GET", "/api/v1/deliveries?webhookId=x", null));
    assertError(400, "first", call("GET", "/api/v1/deliveries?first=abc", null));
    assertError(400, "max", call("GET", "/api/v1/audit?max=many", null));
    assertError(
        400, "from", call("POST", "/api/v1/deliveries/replay?webhookId=" + hook.getId(), null));
    assertError(
        400,
        "webhookId",
        call(
            "POST",
            "/api/v1/deliveries/resend-failed?webhookId=&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
            null));
  }

  @Test
  void protocolErrorsAndUnknownPathsAreJsonToo() throws Exception {
    assertError(401, "Authorization", send(HttpRequest.newBuilder(uri("/api/v1/webhooks"))));
    assertError(
        401,
        "Authorization",
        send(
            HttpRequest.newBuilder(uri("/api/v1/webhooks"))
                .header("Authorization", "Bearer whk_nope")));
    assertError(403, null, call("GET", "/api/v1/accounts", null));
    assertError(405, "method", call("DELETE", "/api/v1/webhooks", null));
    assertError(
        406,
        "Accept",
        send(request("GET", "/api/v1/webhooks", null).header("Accept", "text/html")));
    assertError(
        415,
        "Content-Type",
        send(
            request("POST", "/api/v1/webhooks", valid().getBytes(StandardCharsets.UTF_8))
                .setHeader("Content-Type", "text/plain")));
    assertError(404, "path", call("GET", "/api/v1/nothing", null));
    assertError(404, "path", call("POST", "/api/v1/nothing/deeper", "{}"));
    assertError(404, "path", send(HttpRequest.newBuilder(uri("/api/nothing"))));
    assertError(404, "path", send(HttpRequest.newBuilder(uri("/api/"))));
    assertError(
        404,
        "path",
        send(
            HttpRequest.newBuilder(uri("/api/v2/webhooks"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))));
  }

  @Test
  void bodiesOverTheLimitAre413BeforeTheyAreRead() throws Exception {
    byte[] big =
        ("{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertError(413, "body", send(request("POST", "/api/v1/webhooks", big)));
    // no Content-Length: a chunked body is counted while it is read
    assertError(
        413,
        "body",
        send(
            request("POST", "/api/v1/webhooks", null)
                .method(
                    "POST",
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big)))));
    assertError(
        413,
        "body",
        send(
            request("PUT", "/api/v1/webhooks/" + hook.getId(), null)
                .method(
                    "PUT",
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big)))));
    byte[] bigEvent =
        ("{\"id\":\"e\",\"type\":\"sms.incoming\",\"accountId\":\""
                + account
                + "\",\"occurredAt\":\"2026-11-28T10:15:30Z\",\"data\":{\"text\":\""
                + "x".repeat(400 * 1024)
                + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
    assertError(413, "body", send(request("POST", "/api/v1/events", bigEvent)));
    assertError(
        413,
        "body",
        send(
            request("POST", "/api/v1/events", null)
                .method(
                    "POST",
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(bigEvent)))));
    // an event of the contract's full 256 KiB is not cut off by the HTTP layer
    HttpResponse<String> full =
        call(
            "POST",
            "/api/v1/events",
            "{\"id\":\"e-full\",\"type\":\"sms.incoming\",\"accountId\":\""
                + account
                + "\",\"occurredAt\":\"2026-11-28T10:15:30Z\",\"data\":{\"text\":\""
                + "x".repeat(250 * 1024)
                + "\"}}");
    assertEquals(
        202, full.statusCode(), full.body().substring(0, Math.min(400, full.body().length())));
  }

  @Test
  void openApiListsTheEnums() throws Exception {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(base.toURI().resolve("/openapi"))
                .header("Accept", "application/json"));
    assertEquals(200, answer.statusCode());
    JsonObject schemas =
        Json.createReader(new StringReader(answer.body()))
            .readObject()
            .getJsonObject("components")
            .getJsonObject("schemas");
    assertEnum(schemas, "WebhookJson", "method", "GET", "POST");
    assertEnum(schemas, "WebhookJson", "dataType", "JSON", "TEXT");
    assertEnum(schemas, "WebhookInput", "method", "GET", "POST");
    assertEnum(schemas, "WebhookInput", "dataType", "JSON", "TEXT");
    assertEnum(schemas, "DeliveryJson", "status", "FAILED", "SUCCEEDED");
    JsonObject list =
        Json.createReader(new StringReader(answer.body()))
            .readObject()
            .getJsonObject("paths")
            .getJsonObject("/api/v1/deliveries")
            .getJsonObject("get");
    JsonObject statusParameter =
        list.getJsonArray("parameters").stream()
            .map(JsonValue::asJsonObject)
            .filter(p -> p.getString("name").equals("status"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        enumOf(schemas, statusParameter.getJsonObject("schema"))
            .containsAll(List.of("FAILED", "SUCCEEDED")),
        "the status filter lists its values: " + statusParameter);
  }

  private static void assertEnum(
      JsonObject schemas, String schema, String property, String... values) {
    JsonObject s = schemas.getJsonObject(schema);
    assertTrue(s != null, schema + " missing from " + schemas.keySet());
    JsonObject p = s.getJsonObject("properties").getJsonObject(property);
    List<String> listed = enumOf(schemas, p);
    assertTrue(
        listed.containsAll(Arrays.asList(values)),
        schema + "." + property + " lists " + listed + ": " + p);
  }

  /** The values of an enum schema, inline or behind a $ref. */
  private static List<String> enumOf(JsonObject schemas, JsonObject schema) {
    if (schema == null) {
      return List.of();
    }
    if (schema.containsKey("$ref")) {
      String ref = schema.getString("$ref");
      return enumOf(schemas, schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1)));
    }
    if (schema.containsKey("allOf")) {
      return schema.getJsonArray("allOf").stream()
          .flatMap(s -> enumOf(schemas, s.asJsonObject()).stream())
          .toList();
    }
    JsonArray values = schema.getJsonArray("enum");
    return values == null
        ? List.of()
        : values.getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .collect(Collectors.toList());
  }
}
