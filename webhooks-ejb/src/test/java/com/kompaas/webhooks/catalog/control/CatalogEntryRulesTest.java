package com.kompaas.webhooks.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.catalog.entity.EventParameter;
import com.kompaas.webhooks.catalog.entity.ParameterType;
import com.kompaas.webhooks.platform.control.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogEntryRulesTest {

  private static EventTypeDraft.Parameter param(String name, String type, String example) {
    return new EventTypeDraft.Parameter(name, type, "what it is", example);
  }

  private static EventTypeDraft draft(String code, List<EventTypeDraft.Parameter> parameters) {
    return new EventTypeDraft(code, "sms", "Outgoing SMS", "An SMS was sent", 30, parameters);
  }

  private static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void aCompleteDraftPasses() {
    EventTypeDraft ok =
        draft(
            "sms.outgoing",
            List.of(
                param("eventId", "STRING", "evt_1"),
                param("parts", "integer", " 2 "),
                param("price", "NUMBER", "1.25"),
                param("delivered", "BOOLEAN", "true"),
                param("meta", "OBJECT", "{\"a\":1}"),
                param("tags", "ARRAY", "[1,2]")));
    assertEquals(List.of(), CatalogEntryRules.check(ok, true));
  }

  @ParameterizedTest
  @CsvSource({"Sms.outgoing", "sms..outgoing", "1sms", "sms outgoing", "sms.", "'sms-out'"})
  void aCodeTheIntakeWouldRefuseIsRefused(String code) {
    assertEquals(List.of("code"), fields(CatalogEntryRules.check(draft(code, List.of()), true)));
  }

  @Test
  void anEditDoesNotCheckTheCodeItKeeps() {
    assertEquals(List.of(), CatalogEntryRules.check(draft(null, List.of()), false));
  }

  @Test
  void missingTextsAreNamedByField() {
    EventTypeDraft empty =
        new EventTypeDraft(
            "", " ", "", null, -1, List.of(new EventTypeDraft.Parameter("", "", "", "")));
    assertEquals(
        List.of(
            "code",
            "group",
            "label",
            "description",
            "position",
            "parameters[0].name",
            "parameters[0].type",
            "parameters[0].description",
            "parameters[0].example"),
        fields(CatalogEntryRules.check(empty, true)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "INTEGER|12.5",
        "INTEGER|abc",
        "NUMBER|1,5",
        "BOOLEAN|yes",
        "BOOLEAN|TRUE",
        "OBJECT|[1]",
        "OBJECT|{broken",
        "ARRAY|{}",
        "ARRAY|not json"
      })
  void anExampleMustBeAValueOfItsType(String type, String example) {
    List<FieldError> errors =
        CatalogEntryRules.check(draft("a.b", List.of(param("x", type, example))), true);
    assertEquals(List.of("parameters[0].example"), fields(errors));
    assertEquals("catalog.parameter.example." + type.toLowerCase(), errors.get(0).code());
  }

  @Test
  void parameterNamesMustBePlaceholdersAndUnique() {
    List<FieldError> errors =
        CatalogEntryRules.check(
            draft(
                "a.b",
                List.of(
                    param("ok_1", "STRING", "x"),
                    param("2bad", "STRING", "x"),
                    param("has-dash", "STRING", "x"),
                    param("ok_1", "STRING", "y"),
                    param("x".repeat(65), "STRING", "x"))),
            true);
    assertEquals(
        List.of(
            "parameters[1].name", "parameters[2].name", "parameters[3].name", "parameters[4].name"),
        fields(errors));
    assertTrue(errors.get(2).message().contains("twice"));
  }

  @Test
  void anUnknownTypeIsRefused() {
    assertEquals(
        List.of("parameters[0].type"),
        fields(
            CatalogEntryRules.check(
                draft("a.b", List.of(param("x", "DATE", "2026-01-01"))), true)));
  }

  @Test
  void fitsReadsExamplesAsPreviewsDo() {
    assertTrue(CatalogEntryRules.fits(ParameterType.INTEGER, "-7"));
    assertTrue(CatalogEntryRules.fits(ParameterType.NUMBER, "1e3"));
    assertFalse(CatalogEntryRules.fits(ParameterType.BOOLEAN, "1"));
    assertTrue(CatalogEntryRules.fits(ParameterType.STRING, ""));
  }

  @Test
  void storedParametersKeepTheGivenOrderWithRoomBetween() {
    List<EventParameter> stored =
        CatalogEntryRules.parameters(
            draft(
                "a.b", List.of(param(" second ", "string", "x"), param("first", "INTEGER", "1"))));
    assertEquals(List.of("second", "first"), stored.stream().map(EventParameter::getName).toList());
    assertEquals(List.of(10, 20), stored.stream().map(EventParameter::getPosition).toList());
    assertEquals(ParameterType.INTEGER, stored.get(1).getType());
  }
}
