package com.kompaas.webhooks.subscription.control;

import static com.kompaas.webhooks.subscription.control.Fixtures.TYPE;
import static com.kompaas.webhooks.subscription.control.Fixtures.incomingCallEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kompaas.webhooks.catalog.entity.EventParameter;
import com.kompaas.webhooks.catalog.entity.ParameterType;
import com.kompaas.webhooks.subscription.entity.HttpMethod;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreviewTest {

  private final Preview preview = new Preview();

  @Test
  void rendersWithTheCatalogueExamplesAndTheUsersAccount() {
    WebhookSettings settings =
        WebhookSettings.builder(TYPE)
            .url("https://h.example/{{accountId}}")
            .parameters("eventType", "duration", "cost", "isRedirect", "variables", "did")
            .build();

    RenderedRequest request = preview.render(settings, incomingCallEnd(), "acc-7");

    assertEquals("https://h.example/acc-7", request.url());
    assertEquals(
        "{\"eventType\":\"call.incoming.end\",\"duration\":95,\"cost\":0.35,\"isRedirect\":false,"
            + "\"variables\":{\"name\":\"Ivan\"},\"did\":\"74951234567\"}",
        request.body());
  }

  @Test
  void getPreviewHasNoBody() {
    WebhookSettings settings =
        WebhookSettings.builder(TYPE)
            .url("https://h.example")
            .method(HttpMethod.GET)
            .parameters("status")
            .build();

    RenderedRequest request = preview.render(settings, incomingCallEnd(), null);

    assertEquals("GET https://h.example?status=answered\n", request.asText());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "STRING  | 007      | \"007\"",
        "INTEGER | 42       | 42",
        "INTEGER | 4.5      | \"4.5\"",
        "NUMBER  | 0.35     | 0.35",
        "NUMBER  | abc      | \"abc\"",
        "BOOLEAN | true     | true",
        "BOOLEAN | yes      | \"yes\"",
        "OBJECT  | '{\"a\":1}' | '{\"a\":1}'",
        "ARRAY   | '[1,2]'  | '[1,2]'",
        "OBJECT  | '{oops'  | '\"{oops\"'",
      })
  void examplesAreTypedAsTheCatalogueSays(ParameterType type, String example, String json) {
    JsonValue value = Preview.example(new EventParameter(1, "p", type, "d", example));

    assertEquals(json, value.toString());
  }

  @Test
  void numberExampleKeepsItsDigits() {
    JsonValue value =
        Preview.example(new EventParameter(1, "p", ParameterType.NUMBER, "d", "10.50"));

    assertEquals(Json.createValue(new BigDecimal("10.50")), value);
  }
}
