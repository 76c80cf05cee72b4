package com.kompaas.webhooks.catalog.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped catalogue (migration V2) has a Russian text for everything the console shows. */
class CatalogTextTest {

  private static final Locale RU = Locale.forLanguageTag("ru");

  private static String shipped() throws IOException {
    return Files.readString(
        Path.of(
            "..",
            "webhooks-model",
            "src",
            "main",
            "resources",
            "db",
            "migration",
            "V2__catalog.sql"));
  }

  private static Set<String> all(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void everyShippedGroupTypeAndParameterHasARussianText() throws IOException {
    String sql = shipped();
    Set<String> groups =
        all(Pattern.compile("^\\s*\\('([a-z]+)',\\s*'[^']*',\\s*\\d+\\)", Pattern.MULTILINE), sql);
    Set<String> types =
        all(
            Pattern.compile(
                "^\\s*\\('([a-z][a-z0-9_.]*)',\\s*'(?:" + String.join("|", groups) + ")'",
                Pattern.MULTILINE),
            sql);
    Set<String> parameters =
        all(
            Pattern.compile(
                "\\('([a-z]\\w*)',\\s*'(?:STRING|INTEGER|NUMBER|BOOLEAN|OBJECT|ARRAY)'"),
            sql);
    assertEquals(6, groups.size(), groups.toString());
    assertEquals(19, types.size(), types.toString());
    assertTrue(parameters.size() > 60, parameters.toString());
    for (String group : groups) {
      assertRussian("group." + group);
    }
    for (String type : types) {
      assertRussian("type." + type + ".label");
      assertRussian("type." + type + ".description");
    }
    for (String parameter : parameters) {
      assertRussian("parameter." + parameter);
    }
  }

  @Test
  void englishIsTheStoredTextItself() {
    assertFalse(CatalogText.in(Locale.ENGLISH, "group.sms").isPresent());
    assertFalse(CatalogText.in(Locale.ENGLISH, "type.sms.incoming.label").isPresent());
  }

  @Test
  void aNameCanMeanSomethingElseInOneType() {
    assertEquals(
        "Номер аккаунта, на который пришло SMS",
        CatalogText.in(RU, "parameter.to@sms.incoming").orElseThrow());
    assertEquals("Номер получателя", CatalogText.in(RU, "parameter.to").orElseThrow());
  }

  private static void assertRussian(String key) {
    String text =
        CatalogText.in(RU, key).orElseThrow(() -> new AssertionError("no Russian text for " + key));
    assertTrue(
        text.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC)
            || text.equals("SMS"),
        key + " = " + text);
  }
}
