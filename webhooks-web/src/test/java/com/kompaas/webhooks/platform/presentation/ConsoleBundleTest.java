package com.kompaas.webhooks.platform.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.account.entity.Role;
import com.kompaas.webhooks.catalog.control.CatalogEntryRules;
import com.kompaas.webhooks.catalog.control.EventTypeDraft;
import com.kompaas.webhooks.catalog.entity.EventGroup;
import com.kompaas.webhooks.catalog.entity.EventParameter;
import com.kompaas.webhooks.catalog.entity.EventType;
import com.kompaas.webhooks.catalog.entity.ParameterType;
import com.kompaas.webhooks.delivery.entity.Attempt;
import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import com.kompaas.webhooks.outbound.control.AddressGuard;
import com.kompaas.webhooks.outbound.control.UnsafeAddressException;
import com.kompaas.webhooks.platform.control.FieldError;
import com.kompaas.webhooks.subscription.control.WebhookValidator;
import com.kompaas.webhooks.subscription.entity.DataType;
import com.kompaas.webhooks.subscription.entity.KeyValue;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's message bundles: both languages have the same keys and no empty text, every key a
 * page or a backing bean names exists (a typo would show {@code ???key???}), and every problem the
 * settings validator and the address guard can report has its translation.
 */
class ConsoleBundleTest {

  private static final Locale RU = Locale.forLanguageTag("ru");
  private static final Path WEBAPP = Path.of("src/main/webapp");
  private static final Path JAVA = Path.of("src/main/java");

  /** The catalogue page is another engineer's; it is converted with its rewrite. */
  private static final Path NOT_YET = WEBAPP.resolve("operator/catalog.xhtml");

  private static final Pattern PAGE_KEY =
      Pattern.compile(
          "msg\\['([^']+)'\\]|msg\\.([A-Za-z_][A-Za-z0-9_]*)|text\\.format\\('([^']+)'");
  private static final Pattern JAVA_KEY =
      Pattern.compile("ConsoleText\\.(?:get|info|warn|error|flashInfo)\\(\\s*\"([^\"]+)\"");
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

  private static Map<String, String> load(String file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = ConsoleBundleTest.class.getResourceAsStream("/i18n/" + file);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Map<String, String> texts = new TreeMap<>();
    properties.forEach((k, v) -> texts.put((String) k, (String) v));
    return texts;
  }

  /** Every translation: console_ru.properties, and whichever language is added next. */
  private static List<String> translations() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(
              n ->
                  n.startsWith("console_")
                      && n.endsWith(".properties")
                      && !n.equals("console_en.properties"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyLanguageHasTheSameKeysAndNoEmptyText() throws IOException {
    Map<String, String> en = load("console.properties");
    assertTrue(
        translations().contains("console_ru.properties"), "translations found: " + translations());
    en.forEach((key, text) -> assertFalse(text.isBlank(), key + " is empty"));
    for (String file : translations()) {
      Map<String, String> other = load(file);
      assertEquals(
          Set.of(), difference(en.keySet(), other.keySet()), "in English, missing in " + file);
      assertEquals(
          Set.of(), difference(other.keySet(), en.keySet()), "in " + file + ", missing in English");
      other.forEach((key, text) -> assertFalse(text.isBlank(), file + " " + key + " is empty"));
    }
    assertEquals(Map.of(), load("console_en.properties"), "English lives in console.properties");
  }

  @Test
  void argumentsAndQuotesAreWrittenForMessageFormat() throws IOException {
    List<String> files = new ArrayList<>(translations());
    files.add(0, "console.properties");
    for (String file : files) {
      Map<String, String> english = load("console.properties");
      load(file)
          .forEach(
              (key, text) -> {
                boolean formatted = ARGUMENT.matcher(text).find();
                if (formatted) {
                  new MessageFormat(text); // throws on a malformed pattern
                  assertFalse(
                      text.replace("''", "").contains("'") && !text.contains("'{"),
                      file
                          + " "
                          + key
                          + ": a lone apostrophe disappears in MessageFormat; write ''");
                  assertEquals(
                      arguments(english.get(key)),
                      arguments(text),
                      file + " " + key + ": other arguments than in English");
                } else {
                  assertFalse(
                      text.contains("''"),
                      file + " " + key + ": shown as written, '' would show twice");
                }
              });
    }
  }

  @Test
  void everyKeyThePagesAndBeansNameExists() throws IOException {
    Set<String> known = load("console.properties").keySet();
    Set<String> used = new TreeSet<>();
    try (Stream<Path> pages = Files.walk(WEBAPP)) {
      for (Path page :
          pages.filter(p -> p.toString().endsWith(".xhtml") && !p.equals(NOT_YET)).toList()) {
        Matcher m = PAGE_KEY.matcher(Files.readString(page));
        while (m.find()) {
          used.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
      }
    }
    try (Stream<Path> sources = Files.walk(JAVA)) {
      for (Path source : sources.filter(p -> p.toString().endsWith("Backing.java")).toList()) {
        Matcher m = JAVA_KEY.matcher(Files.readString(source));
        while (m.find()) {
          if (!m.group(1).endsWith(".")) { // "role." + name: the enum loop below
            used.add(m.group(1));
          }
        }
      }
    }
    // keys made of a prefix and an enum constant
    Stream.of(DeliveryStatus.values()).forEach(s -> used.add("status." + s.name()));
    Stream.of(Attempt.Outcome.values()).forEach(o -> used.add("outcome." + o.name()));
    Stream.of(Role.values()).forEach(r -> used.add("role." + r.name()));

    assertTrue(used.size() > 150, "the scan found the pages' keys: " + used.size());
    assertEquals(Set.of(), difference(used, known), "named but not in console.properties");
  }

  @Test
  void russianIsReadAsUtf8() {
    ResourceBundle ru = ConsoleText.bundle(RU);
    assertEquals("Новый Web hook", ru.getString("webhooks.new"));
    assertEquals("Новый Web hook", ConsoleText.in(RU, "webhooks.new"));
    assertEquals("Вебхук «CRM» сохранён.", ConsoleText.in(RU, "webhook.saved", "CRM"));
  }

  @Test
  void englishStaysEnglishOnARussianServer() {
    Locale before = Locale.getDefault();
    Locale.setDefault(RU);
    try {
      // how Faces looks the bundle up: the default control, which tries the JVM's locale first
      ResourceBundle.clearCache();
      assertEquals(
          "New Web hook",
          ResourceBundle.getBundle(ConsoleText.BUNDLE, Locale.ENGLISH).getString("webhooks.new"));
      assertEquals("New Web hook", ConsoleText.in(Locale.ENGLISH, "webhooks.new"));
      assertEquals("New Web hook", ConsoleText.in(Locale.GERMAN, "webhooks.new"));
    } finally {
      Locale.setDefault(before);
      ResourceBundle.clearCache();
    }
  }

  @Test
  void everySettingsProblemIsTranslated() {
    List<FieldError> problems = new ArrayList<>();
    WebhookValidator validator = new WebhookValidator();
    EventType type = type();
    for (WebhookSettings.Builder wrong :
        List.of(
            settings().title("").url(""),
            settings().title("t".repeat(201)).url("https://h.example/" + "a".repeat(2048)),
            settings().url("https://h.example/a b"),
            settings().url("https://h.example/a|b"),
            settings().url("ftp://h.example/"),
            settings().url("https:///path"),
            settings().url("https://h.example/a#top"),
            settings().url("https://{{did}}.example.com/"),
            settings().url("https://h.example/{{nope}}").parameters("did", "did", "nope"),
            settings().url("http://0177.0.0.1/"),
            settings().url("http://08.0.0.1/"),
            settings().url("https://h.example:99999/"),
            settings().url("https://ivan:hunter2@h.example/"),
            settings()
                .headers(
                    List.of(
                        KeyValue.of("webhook-id", "1"),
                        KeyValue.of("Proxy-Authorization", "x"),
                        KeyValue.of("X-D", "1\u0000")))
                .queryParameters(List.of(KeyValue.of("q", "1\n"))),
            settings().dataType(DataType.TEXT).bodyTemplate("{{nope}}"),
            settings().bodyTemplate("x".repeat(64 * 1024 + 1)),
            settings()
                .headers(pairs("X-H", 51))
                .queryParameters(pairs("q", 51))
                .userParameters(pairs("u", 51)),
            settings()
                .headers(
                    List.of(
                        KeyValue.of("X A", "1"),
                        KeyValue.of("Host", "h"),
                        KeyValue.of("X-B\n", "1\n"),
                        KeyValue.of("X-C", "{{nope}}"),
                        KeyValue.of("x-c", "1"))),
            settings()
                .queryParameters(
                    List.of(
                        KeyValue.of("q\n", "{{nope}}"),
                        KeyValue.of("a", "1"),
                        KeyValue.of("a", "2"))),
            settings()
                .parameters("did")
                .userParameters(
                    List.of(
                        KeyValue.of("u\n", "{{nope}}"),
                        KeyValue.of("did", "1"),
                        KeyValue.of("v", "1"),
                        KeyValue.of("v", "2"))))) {
      problems.addAll(validator.validate(wrong.build(), type));
    }
    problems.addAll(validator.validate(settings().eventType("").build(), null));
    problems.addAll(validator.validate(settings().eventType("call.nope").build(), null));
    AddressGuard guard =
        AddressGuard.parse(
            "",
            host ->
                switch (host) {
                  case "internal.example" -> List.of(InetAddress.getByName("10.0.0.5"));
                  case "127.0.0.1" -> List.of(InetAddress.getByName("127.0.0.1"));
                  default -> throw new UnknownHostException(host);
                });
    for (String url :
        List.of(
            "ftp://h.example/",
            "https:///x",
            "https://nowhere.example/",
            "https://internal.example/",
            "https://127.0.0.1/")) {
      try {
        guard.checkAtSave(URI.create(url));
      } catch (UnsafeAddressException e) {
        problems.add(new FieldError("url", e.getMessage(), e.code(), e.args()));
      }
    }

    Set<String> codes = new TreeSet<>();
    for (FieldError problem : problems) {
      codes.add(problem.code());
      String english = ConsoleText.of(Locale.ENGLISH, problem);
      String russian = ConsoleText.of(RU, problem);
      assertTrue(problem.code() != null, "no code: " + problem);
      assertNotEquals(problem.message(), russian, "not translated: " + problem);
      assertTrue(
          russian
              .chars()
              .anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC),
          russian);
      if (!problem.code().startsWith("address.")) {
        assertEquals(
            problem.message(),
            english,
            "the console's English is the REST API's: " + problem.code());
      }
    }
    assertEquals(43, codes.size(), "codes covered: " + codes);
  }

  @Test
  void everyProblemOfTheCatalogueEditorHasATranslationAndTheSameEnglish() {
    List<FieldError> problems = new ArrayList<>();
    var p =
        (java.util.function.BiFunction<String, String, EventTypeDraft.Parameter>)
            (type, example) -> new EventTypeDraft.Parameter("x", type, "d", example);
    problems.addAll(
        CatalogEntryRules.check(
            new EventTypeDraft(
                "", "", "", "", -1, List.of(new EventTypeDraft.Parameter("", "", "", ""))),
            true));
    problems.addAll(
        CatalogEntryRules.check(
            new EventTypeDraft(
                "Bad",
                "g".repeat(65),
                "l".repeat(200),
                "d",
                1,
                List.of(
                    new EventTypeDraft.Parameter("1x", "STRING", "d", "e"),
                    new EventTypeDraft.Parameter("y", "STRING", "d", "e"),
                    new EventTypeDraft.Parameter("y", "STRING", "d", "x".repeat(1001)))),
            true));
    problems.addAll(
        CatalogEntryRules.check(
            new EventTypeDraft(
                "a".repeat(129),
                "g",
                "l",
                "d",
                1,
                List.of(
                    p.apply("INTEGER", "x"),
                    p.apply("NUMBER", "x"),
                    p.apply("BOOLEAN", "x"),
                    p.apply("OBJECT", "x"),
                    p.apply("ARRAY", "x"))),
            true));
    problems.addAll(
        CatalogEntryRules.check(
            new EventTypeDraft(
                "a.b",
                "g",
                "l",
                "d",
                1,
                java.util.Collections.nCopies(
                    CatalogEntryRules.MAX_PARAMETERS + 1, p.apply("STRING", "x"))),
            true));
    problems.add(
        FieldError.of(
            "code",
            "catalog.code.exists",
            "A type with this code exists already; edit it instead."));
    problems.add(FieldError.of("code", "catalog.code.gone", "This type no longer exists."));
    problems.add(CatalogEntryRules.unknownGroup());
    Set<String> codes = new TreeSet<>();
    for (FieldError problem : problems) {
      codes.add(problem.code());
      assertTrue(
          problem.code() != null && problem.code().startsWith("catalog."), "no code: " + problem);
      assertEquals(
          problem.message(),
          ConsoleText.of(Locale.ENGLISH, problem),
          "the console's English is the API's");
      String russian = ConsoleText.of(RU, problem);
      assertTrue(
          russian
              .chars()
              .anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC),
          russian);
    }
    assertEquals(22, codes.size(), "codes covered: " + codes);
  }

  @Test
  void anErrorWithoutCodeIsShownAsItsMessage() {
    assertEquals(
        "Send the version you read",
        ConsoleText.of(RU, new FieldError("version", "Send the version you read")));
  }

  @Test
  void timesAndNumbersAreWrittenInTheViewsLanguage() {
    ConsoleFormat format = new ConsoleFormat();
    Instant instant = Instant.parse("2026-11-28T23:41:07Z");
    assertEquals("28 Nov 23:41:07", format.format("dd MMM HH:mm:ss", instant, Locale.ENGLISH));
    assertEquals("28 нояб. 23:41:07", format.format("dd MMM HH:mm:ss", instant, RU));
    assertEquals("97.5", ConsoleFormat.number(97.5, Locale.ENGLISH));
    assertEquals("97,5", ConsoleFormat.number(97.5, RU));
  }

  private static Set<Integer> arguments(String text) {
    Set<Integer> numbers = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(text);
    while (m.find()) {
      numbers.add(Integer.parseInt(m.group(1)));
    }
    return numbers;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }

  private static WebhookSettings.Builder settings() {
    return WebhookSettings.builder("call.incoming.end")
        .title("CRM")
        .url("https://crm.example.com/hooks");
  }

  private static List<KeyValue> pairs(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> KeyValue.of(prefix + i, "v")).toList();
  }

  private static EventType type() {
    return new EventType(
        "call.incoming.end",
        new EventGroup("telephony", "Telephony calls", 1),
        "Incoming call ended",
        "An incoming call ended",
        1,
        List.of(
            new EventParameter(1, "did", ParameterType.STRING, "Called number", "74951234567")));
  }
}
