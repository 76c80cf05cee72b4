package com.kompaas.webhooks.subscription.control;

import static com.kompaas.webhooks.subscription.control.Fixtures.TYPE;
import static com.kompaas.webhooks.subscription.control.Fixtures.incomingCallEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.platform.control.FieldError;
import com.kompaas.webhooks.subscription.entity.DataType;
import com.kompaas.webhooks.subscription.entity.HttpMethod;
import com.kompaas.webhooks.subscription.entity.KeyValue;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookValidatorTest {

  private final WebhookValidator validator = new WebhookValidator();

  /** Every setting filled, and valid. */
  private static WebhookSettings.Builder valid() {
    return WebhookSettings.builder(TYPE)
        .title("CRM")
        .url("https://crm.example.com:8443/hooks/{{did}}?src={{status}}")
        .method(HttpMethod.POST)
        .dataType(DataType.TEXT)
        .parameters("did", "duration")
        .userParameter("source", "kompaas {{callId}}")
        .queryParameter("token", "abc")
        .queryParameter("Token", "case matters in queries")
        .header("Authorization", "Bearer {{accountId}}")
        .header("Content-Type", "application/xml")
        .bodyTemplate("<call from=\"{{callerNumber}}\"/>");
  }

  @Test
  void acceptsWebhookWithEverySettingFilled() {
    assertEquals(List.of(), validator.validate(valid().build(), incomingCallEnd()));
  }

  @Test
  void acceptsPlainHttpAndUpperCaseScheme() {
    assertEquals(
        List.of(), validator.validate(valid().url("HTTP://h.example").build(), incomingCallEnd()));
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake("blank title", b -> b.title("  "), "title", "Enter a title"),
        mistake(
            "long title",
            b -> b.title("t".repeat(201)),
            "title",
            "201 characters; the limit is 200"),
        mistake("blank URL", b -> b.url(""), "url", "Enter the URL"),
        mistake(
            "ftp URL",
            b -> b.url("ftp://h.example/x"),
            "url",
            "must start with http:// or https://"),
        mistake("relative URL", b -> b.url("/hooks"), "url", "must start with http:// or https://"),
        mistake("javascript URL", b -> b.url("javascript:alert(1)"), "url", "http:// or https://"),
        mistake("no host", b -> b.url("https:///path"), "url", "no host name"),
        mistake(
            "octal IPv4",
            b -> b.url("http://0177.0.0.1/x"),
            "url",
            "browsers and curl read it as 127.0.0.1"),
        mistake("short IPv4", b -> b.url("http://127.1/x"), "url", "four decimal numbers"),
        mistake("hex IPv4", b -> b.url("http://0x7f.0.0.1/x"), "url", "four decimal numbers"),
        mistake("integer IPv4", b -> b.url("http://2130706433/x"), "url", "four decimal numbers"),
        mistake(
            "leading zero", b -> b.url("http://93.184.216.034/x"), "url", "four decimal numbers"),
        mistake(
            "port too big", b -> b.url("https://h.example:99999/x"), "url", "between 1 and 65535"),
        mistake("port zero", b -> b.url("https://h.example:0/x"), "url", "between 1 and 65535"),
        mistake(
            "userinfo", b -> b.url("https://user:pass@h.example/x"), "url", "Authorization header"),
        mistake(
            "placeholder as port",
            b -> b.url("https://h.example:{{did}}/x"),
            "url",
            "not in its host"),
        mistake(
            "placeholder as user",
            b -> b.url("https://{{did}}@h.example/x"),
            "url",
            "not in its host"),
        mistake(
            "long URL",
            b -> b.url("https://h.example/" + "a".repeat(2048)),
            "url",
            "the limit is 2048"),
        mistake(
            "space in URL", b -> b.url("https://h.example/a b"), "url", "spaces or line breaks"),
        mistake(
            "newline in URL", b -> b.url("https://h.example/a\nb"), "url", "spaces or line breaks"),
        mistake("bad URL syntax", b -> b.url("https://h.example/a|b"), "url", "not a valid URL"),
        mistake("fragment", b -> b.url("https://h.example/a#top"), "url", "#fragment"),
        mistake(
            "placeholder in host",
            b -> b.url("https://{{did}}.example.com/"),
            "url",
            "not in its host"),
        mistake(
            "unknown placeholder in URL",
            b -> b.url("https://h.example/{{caller}}"),
            "url",
            "Unknown placeholder {{caller}} in the URL: call.incoming.end has no parameter caller"),
        mistake(
            "unknown event type",
            b -> b.eventType("call.nope"),
            "eventType",
            "There is no event type call.nope"),
        mistake("no event type", b -> b.eventType(""), "eventType", "Choose the type of event"),
        mistake(
            "unknown ticked parameter",
            b -> b.parameters("did", "foo"),
            "parameters[1]",
            "call.incoming.end has no parameter foo"),
        mistake(
            "parameter ticked twice",
            b -> b.parameters("did", "did"),
            "parameters[1]",
            "ticked twice"),
        mistake(
            "space in header name",
            b -> b.headers(List.of(KeyValue.of("X Api", "1"))),
            "headers[0].name",
            "may only contain letters"),
        mistake(
            "colon in header name",
            b -> b.headers(List.of(KeyValue.of("X-Api:", "1"))),
            "headers[0].name",
            "no spaces or colons"),
        mistake(
            "non-ASCII header name",
            b -> b.headers(List.of(KeyValue.of("X-Ключ", "1"))),
            "headers[0].name",
            "may only contain letters"),
        mistake(
            "Host header",
            b -> b.headers(List.of(KeyValue.of("Host", "evil.example"))),
            "headers[0].name",
            "The Host header is set by the sender"),
        mistake(
            "content-length header",
            b -> b.headers(List.of(KeyValue.of("X-A", "1"), KeyValue.of("content-length", "5"))),
            "headers[1].name",
            "set by the sender"),
        mistake(
            "Transfer-Encoding header",
            b -> b.headers(List.of(KeyValue.of("Transfer-Encoding", "chunked"))),
            "headers[0].name",
            "set by the sender"),
        mistake(
            "Connection header",
            b -> b.headers(List.of(KeyValue.of("Connection", "close"))),
            "headers[0].name",
            "set by the sender"),
        mistake(
            "NUL in header value",
            b -> b.headers(List.of(KeyValue.of("X-A", "1\u0000"))),
            "headers[0].value",
            "must not contain line breaks or NUL"),
        mistake(
            "webhook-id header",
            b -> b.headers(List.of(KeyValue.of("webhook-id", "mine"))),
            "headers[0].name",
            "The webhook-id header is part of the webhook's signature"),
        mistake(
            "webhook-signature header in capitals",
            b ->
                b.headers(
                    List.of(KeyValue.of("X-A", "1"), KeyValue.of("Webhook-Signature", "v1,x"))),
            "headers[1].name",
            "The Webhook-Signature header is part of the webhook's signature"),
        mistake(
            "Proxy-Authorization header",
            b -> b.headers(List.of(KeyValue.of("Proxy-Authorization", "Basic eA=="))),
            "headers[0].name",
            "webhooks go straight to the receiver"),
        mistake(
            "Expect header",
            b -> b.headers(List.of(KeyValue.of("Expect", "100-continue"))),
            "headers[0].name",
            "The Expect header is set by the sender"),
        mistake(
            "line break in header value",
            b -> b.headers(List.of(KeyValue.of("X-A", "1\r\nHost: evil"))),
            "headers[0].value",
            "The value of X-A must not contain line breaks"),
        mistake(
            "line break in header name",
            b -> b.headers(List.of(KeyValue.of("X-A\nB", "1"))),
            "headers[0].name",
            "names must not contain line breaks"),
        mistake(
            "header twice, other case",
            b -> b.headers(List.of(KeyValue.of("X-Api", "1"), KeyValue.of("x-api", "2"))),
            "headers[1].name",
            "Header x-api is given twice"),
        mistake(
            "query parameter twice",
            b -> b.queryParameters(List.of(KeyValue.of("a", "1"), KeyValue.of("a", "2"))),
            "queryParameters[1].name",
            "Query parameter a is given twice"),
        mistake(
            "line break in query value",
            b -> b.queryParameters(List.of(KeyValue.of("a", "1\n2"))),
            "queryParameters[0].value",
            "must not contain line breaks"),
        mistake(
            "user parameter twice",
            b -> b.userParameters(List.of(KeyValue.of("u", "1"), KeyValue.of("u", "2"))),
            "userParameters[1].name",
            "User parameter u is given twice"),
        mistake(
            "line break in user parameter",
            b -> b.userParameters(List.of(KeyValue.of("u", "1\r2"))),
            "userParameters[0].value",
            "must not contain line breaks"),
        mistake(
            "user parameter named like a ticked one",
            b -> b.userParameters(List.of(KeyValue.of("duration", "1"))),
            "userParameters[0].name",
            "has the name of a ticked parameter"),
        mistake(
            "unknown placeholder in header",
            b -> b.headers(List.of(KeyValue.of("X-A", "{{token}}"))),
            "headers[0].value",
            "Unknown placeholder {{token}} in the value of header X-A"),
        mistake(
            "unknown placeholder in query value",
            b -> b.queryParameters(List.of(KeyValue.of("q", "{{ Did }}"))),
            "queryParameters[0].value",
            "Unknown placeholder {{Did}} in the value of query parameter q"),
        mistake(
            "unknown placeholder in user parameter",
            b -> b.userParameters(List.of(KeyValue.of("u", "x{{foo}}"))),
            "userParameters[0].value",
            "Unknown placeholder {{foo}} in the value of user parameter u"),
        mistake(
            "unknown placeholder in Text body",
            b -> b.bodyTemplate("{{did}} {{from}}"),
            "bodyTemplate",
            "Unknown placeholder {{from}} in the body: call.incoming.end has no parameter from"),
        mistake(
            "body too long",
            b -> b.bodyTemplate("x".repeat(64 * 1024 + 1)),
            "bodyTemplate",
            "the limit is 65536"),
        mistake("too many headers", b -> b.headers(pairs("X-H", 51)), "headers", "At most 50"),
        mistake(
            "too many query parameters",
            b -> b.queryParameters(pairs("q", 51)),
            "queryParameters",
            "At most 50"),
        mistake(
            "too many user parameters",
            b -> b.userParameters(pairs("u", 51)),
            "userParameters",
            "At most 50"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void reportsTheFieldAndWhatIsWrong(
      String name, UnaryOperator<WebhookSettings.Builder> change, String field, String message) {
    WebhookSettings settings = change.apply(valid()).build();

    List<FieldError> errors =
        validator.validate(settings, settings.eventType().equals(TYPE) ? incomingCallEnd() : null);

    assertTrue(
        errors.stream().anyMatch(e -> e.field().equals(field) && e.message().contains(message)),
        () -> "expected " + field + ": ..." + message + "... but got " + errors);
    // the console translates by code; a problem without one would stay English there
    assertTrue(
        errors.stream().allMatch(e -> e.code() != null),
        () -> "a problem without a code: " + errors);
  }

  @Test
  void reportsEveryProblemAtOnce() {
    WebhookSettings settings =
        valid().title("").url("mailto:x@example.com").parameters("nope").build();

    List<FieldError> errors = validator.validate(settings, incomingCallEnd());

    assertEquals(
        List.of("title", "url", "parameters[0]"), errors.stream().map(FieldError::field).toList());
  }

  @Test
  void ignoresPlaceholdersOfAnUnusedTextTemplate() {
    WebhookSettings json = valid().dataType(DataType.JSON).bodyTemplate("{{leftover}}").build();

    assertEquals(List.of(), validator.validate(json, incomingCallEnd()));
  }

  @Test
  void allowsFiftyOfEach() {
    WebhookSettings settings =
        valid()
            .parameters(List.of())
            .headers(pairs("X-H", 50))
            .queryParameters(pairs("q", 50))
            .userParameters(pairs("u", 50))
            .build();

    assertEquals(List.of(), validator.validate(settings, incomingCallEnd()));
  }

  /**
   * Names a user might type: the sender's own, their case variants, and ordinary ones that must
   * keep working (the user's Content-Type, User-Agent and Accept replace the sender's defaults).
   */
  private static final List<String> HEADER_NAMES =
      List.of(
          "Authorization",
          "X-Api-Key",
          "Content-Type",
          "content-type",
          "User-Agent",
          "Accept",
          "Origin",
          "Via",
          "Cookie",
          "Date",
          "Referer",
          "Content-Transfer-Encoding",
          "Proxy-Authenticate",
          "Webhook-Version",
          "webhook-ids",
          "X-Webhook-Id",
          "X-!#$%&'*+.^_`|~",
          "h".repeat(256),
          "Host",
          "HOST",
          "Content-Length",
          "Transfer-Encoding",
          "Connection",
          "Keep-Alive",
          "Upgrade",
          "TE",
          "Trailer",
          "Expect",
          "Proxy-Connection",
          "Proxy-Authorization",
          "proxy-authorization",
          "webhook-id",
          "Webhook-Timestamp",
          "WEBHOOK-SIGNATURE",
          "X A",
          "X-A:",
          "X-Ключ",
          "(x)",
          "@x");

  @Test
  void everyHeaderTheValidatorAcceptsCanBeBuiltAndEveryOtherIsRefusedByBothAlike() {
    var builder = new com.kompaas.webhooks.delivery.control.RequestBuilder();
    var secrets =
        com.kompaas.webhooks.outbound.control.SecretRing.of(
            com.kompaas.webhooks.outbound.control.SigningSecret.generate(
                new java.security.SecureRandom()));
    int accepted = 0;
    for (String name : HEADER_NAMES) {
      for (HttpMethod method : HttpMethod.values()) {
        WebhookSettings settings =
            valid().method(method).headers(List.of(KeyValue.of(name, "v {{did}}"))).build();
        List<FieldError> errors = validator.validate(settings, incomingCallEnd());
        RenderedRequest rendered = new RequestRenderer().render(settings, Fixtures.sampleEvent());
        String builderRefusal;
        try {
          var request = builder.build(rendered, "msg_1", java.time.Instant.now(), secrets);
          builderRefusal = null;
          assertEquals(
              1,
              request.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).count(),
              name + " is sent once: " + request.headers());
        } catch (IllegalArgumentException e) {
          builderRefusal = e.getMessage();
        }
        if (errors.isEmpty()) {
          accepted++;
          assertEquals(null, builderRefusal, name + " saves, so it must be sendable");
        } else {
          assertEquals(1, errors.size(), name + ": " + errors);
          assertEquals("headers[0].name", errors.get(0).field(), name);
          assertEquals(
              errors.get(0).message(),
              builderRefusal,
              name + ": the builder refuses it for the same reason");
        }
      }
    }
    assertEquals(2 * 18, accepted, "the ordinary names all save");
  }

  private static List<KeyValue> pairs(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> KeyValue.of(prefix + i, "v")).toList();
  }

  private static Arguments mistake(
      String name, UnaryOperator<WebhookSettings.Builder> change, String field, String message) {
    return Arguments.of(name, change, field, message);
  }
}
