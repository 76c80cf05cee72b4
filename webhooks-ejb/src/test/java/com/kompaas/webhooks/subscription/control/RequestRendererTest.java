package com.kompaas.webhooks.subscription.control;

import static com.kompaas.webhooks.subscription.control.Fixtures.TYPE;
import static com.kompaas.webhooks.subscription.control.Fixtures.event;
import static com.kompaas.webhooks.subscription.control.Fixtures.sampleEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.subscription.control.RenderedRequest.Header;
import com.kompaas.webhooks.subscription.entity.DataType;
import com.kompaas.webhooks.subscription.entity.HttpMethod;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestRendererTest {

  private final RequestRenderer renderer = new RequestRenderer();

  @Test
  void rendersEverySettingIntoTheRequestAUserWouldPredict() {
    WebhookSettings webhook =
        WebhookSettings.builder(TYPE)
            .title("CRM: call ended")
            .url("https://crm.example.com/hooks/{{did}}/calls?src=kompaas")
            .retryIfError(true)
            .method(HttpMethod.POST)
            .dataType(DataType.JSON)
            .parameters("did", "duration", "status", "cost", "variables")
            .userParameter("source", "kompaas")
            .userParameter("caller", "{{callerNumber}}")
            .userParameter("summary", "{{status}} after {{duration}} s")
            .queryParameter("token", "s3cr3t value")
            .queryParameter("call", "{{callId}}")
            .header("Authorization", "Bearer abc")
            .header("X-Event", "{{eventType}}")
            .bodyTemplate("unused for JSON")
            .enabled(true)
            .build();

    RenderedRequest request = renderer.render(webhook, sampleEvent());

    assertEquals(
        """
        POST https://crm.example.com/hooks/74951234567/calls?src=kompaas&token=s3cr3t%20value&call=c-1
        Content-Type: application/json
        Authorization: Bearer abc
        X-Event: call.incoming.end

        {"did":"74951234567","duration":95,"status":"answered","cost":0.35,\
        "variables":{"name":"Ivan","agreed":true},"source":"kompaas","caller":"+79161234567",\
        "summary":"answered after 95 s"}""",
        request.asText());
    assertEquals(HttpMethod.POST, request.method());
    assertEquals(
        List.of(
            new Header("Authorization", "Bearer abc"), new Header("X-Event", "call.incoming.end")),
        request.headers());
  }

  @Test
  void rendersTextAndGetVariantsOfTheSameWebhook() {
    WebhookSettings.Builder webhook =
        WebhookSettings.builder(TYPE)
            .title("t")
            .url("https://crm.example.com/hooks")
            .parameters("did", "duration")
            .userParameter("who", "{{callerNumber}}")
            .queryParameter("token", "abc")
            .header("X-Call", "{{callId}}")
            .bodyTemplate("Call from {{callerNumber}} to {{did}} lasted {{duration}} s");

    assertEquals(
        """
        POST https://crm.example.com/hooks?token=abc
        Content-Type: text/plain; charset=utf-8
        X-Call: c-1

        Call from +79161234567 to 74951234567 lasted 95 s""",
        renderer.render(webhook.dataType(DataType.TEXT).build(), sampleEvent()).asText());
    assertEquals(
        """
        GET https://crm.example.com/hooks?token=abc&did=74951234567&duration=95&who=%2B79161234567
        X-Call: c-1
        """,
        renderer.render(webhook.method(HttpMethod.GET).build(), sampleEvent()).asText());
  }

  static Stream<Arguments> methodsAndDataTypes() {
    return Stream.of(
        Arguments.of(
            HttpMethod.POST,
            DataType.JSON,
            "https://h.example/in?q=1",
            "{\"did\":\"74951234567\",\"duration\":95,\"n\":95,\"note\":\"took 95\"}",
            "application/json"),
        Arguments.of(
            HttpMethod.POST,
            DataType.TEXT,
            "https://h.example/in?q=1",
            "did=74951234567",
            "text/plain; charset=utf-8"),
        Arguments.of(
            HttpMethod.GET,
            DataType.JSON,
            "https://h.example/in?q=1&did=74951234567&duration=95&n=95&note=took%2095",
            null,
            null),
        Arguments.of(
            HttpMethod.GET,
            DataType.TEXT,
            "https://h.example/in?q=1&did=74951234567&duration=95&n=95&note=took%2095",
            null,
            null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("methodsAndDataTypes")
  void everyMethodAndDataType(
      HttpMethod method, DataType dataType, String url, String body, String contentType) {
    WebhookSettings webhook =
        WebhookSettings.builder(TYPE)
            .url("https://h.example/in")
            .method(method)
            .dataType(dataType)
            .parameters("did", "duration")
            .userParameter("n", "{{duration}}")
            .userParameter("note", "took {{duration}}")
            .queryParameter("q", "1")
            .bodyTemplate("did={{did}}")
            .build();

    RenderedRequest request = renderer.render(webhook, sampleEvent());

    assertEquals(method, request.method());
    assertEquals(url, request.url());
    assertEquals(body, request.body());
    assertEquals(contentType, request.contentType());
  }

  static Stream<Arguments> awkwardValues() {
    return Stream.of(
        Arguments.of("quotes", "a\"b'c", "a%22b%27c", "a\"b'c"),
        Arguments.of("unicode", "Иван 😀", "%D0%98%D0%B2%D0%B0%D0%BD%20%F0%9F%98%80", "Иван 😀"),
        Arguments.of("ampersand and equals", "a&b=c", "a%26b%3Dc", "a&b=c"),
        Arguments.of("hash", "#1", "%231", "#1"),
        Arguments.of("spaces", " a  b ", "%20a%20%20b%20", " a  b "),
        Arguments.of("plus", "+7 916", "%2B7%20916", "+7 916"),
        Arguments.of("slash and question mark", "a/b?c", "a%2Fb%3Fc", "a/b?c"),
        Arguments.of("percent", "100%", "100%25", "100%"),
        Arguments.of("backslash", "back\\slash", "back%5Cslash", "back\\slash"),
        Arguments.of("newline", "a\nb", "a%0Ab", "ab"),
        Arguments.of("header injection", "a\r\nX-Evil: 1", "a%0D%0AX-Evil%3A%201", "aX-Evil: 1"),
        Arguments.of("control characters", "a\u0000b\tc\u007F", "a%00b%09c%7F", "ab\tc"),
        Arguments.of("placeholder-like", "{{did}}", "%7B%7Bdid%7D%7D", "{{did}}"),
        Arguments.of("very long", "é".repeat(10_000), "%C3%A9".repeat(10_000), "é".repeat(10_000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("awkwardValues")
  void escapesByContext(String name, String value, String urlEncoded, String inHeader) {
    JsonObject values = Json.createObjectBuilder().add("callerNumber", value).build();
    WebhookSettings.Builder webhook =
        WebhookSettings.builder(TYPE)
            .url("https://h.example/from/{{callerNumber}}/x")
            .parameters("callerNumber")
            .userParameter("copy", "{{callerNumber}}")
            .userParameter("quoted", "<{{callerNumber}}>")
            .queryParameter("c", "{{callerNumber}}")
            .header("X-Caller", "{{callerNumber}}")
            .bodyTemplate("[{{callerNumber}}]");

    RenderedRequest json = renderer.render(webhook.build(), values);
    assertEquals(
        "https://h.example/from/" + urlEncoded + "/x?c=" + urlEncoded,
        json.url(),
        "path and query");
    assertEquals(List.of(new Header("X-Caller", inHeader)), json.headers(), "header");
    JsonObject body = parse(json.body());
    assertEquals(value, body.getString("callerNumber"), "ticked parameter in JSON");
    assertEquals(value, body.getString("copy"), "user parameter in JSON");
    assertEquals("<" + value + ">", body.getString("quoted"), "user parameter text in JSON");

    RenderedRequest text = renderer.render(webhook.dataType(DataType.TEXT).build(), values);
    assertEquals("[" + value + "]", text.body(), "Text body is raw");

    RenderedRequest get = renderer.render(webhook.method(HttpMethod.GET).build(), values);
    assertEquals(
        "https://h.example/from/"
            + urlEncoded
            + "/x?c="
            + urlEncoded
            + "&callerNumber="
            + urlEncoded
            + "&copy="
            + urlEncoded
            + "&quoted=%3C"
            + urlEncoded
            + "%3E",
        get.url(),
        "GET query");
  }

  @Test
  void jsonEscapesQuotesAndLineBreaksButKeepsUnicode() {
    JsonObject values =
        Json.createObjectBuilder().add("callerNumber", "say \"hi\"\nИван\\").build();
    WebhookSettings webhook =
        WebhookSettings.builder(TYPE).url("https://h.example").parameters("callerNumber").build();

    assertEquals(
        "{\"callerNumber\":\"say \\\"hi\\\"\\nИван\\\\\"}",
        renderer.render(webhook, values).body());
  }

  @Test
  void placeholdersWorkInEveryPlace() {
    WebhookSettings webhook =
        WebhookSettings.builder(TYPE)
            .url("https://h.example/{{did}}?s={{status}}")
            .userParameter("u", "u-{{callId}}")
            .queryParameter("q", "q-{{linkedId}}")
            .header("X-H", "h-{{hangupCause}}")
            .build();

    RenderedRequest json = renderer.render(webhook, sampleEvent());
    assertEquals("https://h.example/74951234567?s=answered&q=q-l-1", json.url());
    assertEquals("h-NORMAL_CLEARING", json.headers().get(0).value());
    assertEquals("{\"u\":\"u-c-1\"}", json.body());

    RenderedRequest text =
        renderer.render(
            webhook.toBuilder()
                .dataType(DataType.TEXT)
                .bodyTemplate("t-{{ duration }}-{{billsec}}")
                .build(),
            sampleEvent());
    assertEquals("t-95-83", text.body());
  }

  @Test
  void missingValuesRenderAsEmpty() {
    WebhookSettings.Builder webhook =
        WebhookSettings.builder(TYPE)
            .url("https://h.example/{{did}}/x")
            .parameters("did", "recordingUrl")
            .userParameter("whole", "{{did}}")
            .userParameter("part", "id:{{did}}")
            .queryParameter("q", "{{did}}")
            .header("X-Did", "[{{did}}]")
            .bodyTemplate("did={{did}};");
    JsonObject values = event("{\"did\":null}");

    RenderedRequest json = renderer.render(webhook.build(), values);
    assertEquals("https://h.example//x?q=", json.url());
    assertEquals("[]", json.headers().get(0).value());
    assertEquals(
        "{\"did\":null,\"recordingUrl\":null,\"whole\":null,\"part\":\"id:\"}", json.body());

    assertEquals("did=;", renderer.render(webhook.dataType(DataType.TEXT).build(), values).body());
    assertEquals(
        "https://h.example//x?q=&did=&recordingUrl=&whole=&part=id%3A",
        renderer.render(webhook.method(HttpMethod.GET).build(), values).url());
  }

  @Test
  void numbersBooleansAndObjectsKeepTheirJsonType() {
    WebhookSettings webhook =
        WebhookSettings.builder(TYPE)
            .url("https://h.example")
            .parameters("duration", "cost", "isRedirect", "variables", "did")
            .userParameter("seconds", "{{ duration }}")
            .userParameter("redirected", "{{isRedirect}}")
            .userParameter("vars", "{{variables}}")
            .userParameter("withText", "{{duration}}s")
            .userParameter("literal", "42")
            .build();

    JsonObject body = parse(renderer.render(webhook, sampleEvent()).body());

    assertEquals(95, body.getJsonNumber("duration").intValueExact());
    assertTrue(body.getJsonNumber("duration").isIntegral());
    assertEquals("0.35", body.getJsonNumber("cost").bigDecimalValue().toPlainString());
    assertEquals(JsonValue.FALSE, body.get("isRedirect"));
    assertEquals(parse("{\"name\":\"Ivan\",\"agreed\":true}"), body.get("variables"));
    assertEquals("74951234567", body.getString("did"), "a number in quotes stays a string");
    assertTrue(body.get("seconds") instanceof JsonNumber);
    assertEquals(JsonValue.FALSE, body.get("redirected"));
    assertEquals(body.get("variables"), body.get("vars"));
    assertEquals("95s", body.getString("withText"));
    assertEquals(
        "42", body.getString("literal"), "user-typed text is never guessed to be a number");
  }

  @Test
  void objectsInTextPlacesRenderAsCompactJson() {
    WebhookSettings webhook =
        WebhookSettings.builder(TYPE)
            .url("https://h.example")
            .dataType(DataType.TEXT)
            .bodyTemplate("{{variables}} {{cost}} {{isRedirect}}")
            .build();

    assertEquals(
        "{\"name\":\"Ivan\",\"agreed\":true} 0.35 false",
        renderer.render(webhook, sampleEvent()).body());
  }

  @Test
  void userContentTypeReplacesTheDefault() {
    WebhookSettings webhook =
        WebhookSettings.builder(TYPE)
            .url("https://h.example")
            .dataType(DataType.TEXT)
            .header("X-A", "1")
            .header("content-type", "application/xml")
            .bodyTemplate("<call did=\"{{did}}\"/>")
            .build();

    RenderedRequest request = renderer.render(webhook, sampleEvent());

    assertEquals("application/xml", request.contentType());
    assertEquals(List.of(new Header("X-A", "1")), request.headers());
    assertEquals("<call did=\"74951234567\"/>", request.body());
  }

  @Test
  void headersNeverCarryLineBreaksEvenIfStored() {
    WebhookSettings webhook =
        WebhookSettings.builder(TYPE)
            .url("https://h.example")
            .header("X-A", "a\r\nHost: evil")
            .build();

    assertEquals("aHost: evil", renderer.render(webhook, sampleEvent()).headers().get(0).value());
  }

  @Test
  void appendsToAnExistingQueryAndDropsTheFragment() {
    JsonObject values = sampleEvent();
    WebhookSettings.Builder webhook = WebhookSettings.builder(TYPE).queryParameter("q", "1");

    assertEquals(
        "https://h.example/?q=1",
        renderer.render(webhook.url("https://h.example/").build(), values).url());
    assertEquals(
        "https://h.example/?a=b&q=1",
        renderer.render(webhook.url("https://h.example/?a=b").build(), values).url());
    assertEquals(
        "https://h.example/?q=1",
        renderer.render(webhook.url("https://h.example/?").build(), values).url());
    assertEquals(
        "https://h.example/?a&q=1",
        renderer.render(webhook.url("https://h.example/?a&").build(), values).url());
    assertEquals(
        "https://h.example/p?q=1",
        renderer.render(webhook.url("https://h.example/p#top").build(), values).url());
  }

  @Test
  void unknownPlaceholdersRenderEmptyAndMalformedOnesStayAsTyped() {
    WebhookSettings webhook =
        WebhookSettings.builder(TYPE)
            .url("https://h.example")
            .dataType(DataType.TEXT)
            .bodyTemplate("[{{nope}}] {{ did } {{}} {did}")
            .build();

    assertEquals("[] {{ did } {{}} {did}", renderer.render(webhook, sampleEvent()).body());
  }

  @Test
  void textBodyMayBeEmpty() {
    WebhookSettings webhook =
        WebhookSettings.builder(TYPE).url("https://h.example").dataType(DataType.TEXT).build();

    assertEquals("", renderer.render(webhook, sampleEvent()).body());
  }

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
