package com.kompaas.webhooks.it.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.it.Await;
import com.kompaas.webhooks.it.Receiver;
import com.kompaas.webhooks.it.TestInfrastructure;
import com.kompaas.webhooks.launcher.EmbeddedBroker;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in headless Chromium against the packaged uber jar, as a customer follows the
 * help article: Integrations → WebHooks → "New Web hook" → event type → Create → the nine fields →
 * Save, then an event over JMS and its delivery in the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSystemIT {

  private static final String USER = "console";
  private static final String PASSWORD = "console-secret";

  private EmbeddedBroker broker;
  private int brokerPort;
  private ApplicationProcess app;
  private Receiver receiver;
  private WebDriver driver;
  private WebDriverWait wait;

  @BeforeAll
  void start() throws Exception {
    Path target = TestInfrastructure.target();
    brokerPort = ApplicationProcess.freePort();
    broker =
        new EmbeddedBroker(
                target.resolve("console-broker-" + brokerPort),
                "127.0.0.1",
                brokerPort,
                USER,
                PASSWORD)
            .start();
    receiver = new Receiver();
    app =
        ApplicationProcess.uberJar(
            "console",
            "console-app.log",
            brokerPort,
            USER,
            PASSWORD,
            Map.of(
                "WEBHOOKS_OUTBOUND_ALLOW", "127.0.0.1/32",
                // one resend at once, the next in ten minutes: the retry state holds still while
                // the test looks
                "WEBHOOKS_DELIVERY_RETRY_SCHEDULE", "0s,10m,1h"));
    app.start();
    // the first render of each page compiles its Facelets; on a busy machine that outlasts a
    // click's wait
    var warm =
        com.kompaas.webhooks.it.ConsoleHttp.signIn(
            app.uri(""),
            TestInfrastructure.DEMO_ADMIN_LOGIN,
            TestInfrastructure.DEMO_ADMIN_PASSWORD);
    for (String page :
        List.of(
            "/webhooks.xhtml",
            "/webhook.xhtml?type=call.incoming.start",
            "/deliveries.xhtml",
            "/dashboard.xhtml")) {
      warm.get(page);
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (broker != null) {
      broker.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    driver =
        Browser.start(TestInfrastructure.target().resolve("chrome-profile-" + UUID.randomUUID()));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser(org.junit.jupiter.api.TestInfo test) throws Exception {
    try {
      Browser.screenshot(
          driver,
          "last-" + test.getTestMethod().orElseThrow().getName()); // what a failure looked like
    } finally {
      driver.quit();
    }
  }

  @Test
  @Order(1)
  void followTheHelpArticleToAWorkingWebhookAndSeeItsDelivery() throws Exception {
    Console.signIn(
        driver,
        app.uri(""),
        TestInfrastructure.DEMO_ADMIN_LOGIN,
        TestInfrastructure.DEMO_ADMIN_PASSWORD);
    assertTrue(
        driver.getCurrentUrl().endsWith("/webhooks.xhtml"),
        "WebHooks is the landing page: " + driver.getCurrentUrl());
    WebElement empty = driver.findElement(By.id("emptyState"));
    assertTrue(
        empty.getText().contains("A webhook tells another system about an event"), empty.getText());
    Browser.screenshot(driver, "01-webhooks-empty");

    // "New Web hook": the modal lists the event types grouped as in the help article
    driver.findElement(By.id("newWebhookButton")).click();
    WebElement dialog =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("newWebhookDlg")));
    List<String> groups =
        dialog.findElements(By.cssSelector(".type-group h3")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(
        List.of(
            "TELEPHONY CALLS",
            "PBX CALLS",
            "AUTHORIZATION CALLS",
            "SMS",
            "CALLTRACKING",
            "VOICE ROBOT CALLS"),
        groups.stream().map(String::toUpperCase).toList());
    WebElement card =
        dialog.findElement(By.cssSelector(".type-card[data-code='call.incoming.start']"));
    assertTrue(
        card.getText().contains("An incoming call to a number started ringing"), card.getText());
    card.click();
    Browser.screenshot(driver, "02-new-webhook-dialog");
    driver.findElement(By.id("newWebhook:create")).click();
    wait.until(ExpectedConditions.urlContains("webhook.xhtml?type=call.incoming.start"));

    // the nine fields; a chip inserts its placeholder where the cursor is
    WebElement title =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form:title")));
    title.sendKeys("Incoming calls to CRM");
    WebElement url = driver.findElement(By.id("form:url"));
    url.sendKeys(receiver.url("/crm/"));
    click(By.cssSelector("button.chip-name[data-param='callId']"));
    assertEquals(receiver.url("/crm/{{callId}}"), url.getAttribute("value"));
    assertTrue(
        driver.findElement(By.id("form:retry_input")).isSelected(),
        "Retry if error is on by default");
    tick("callerNumber");
    tick("did");
    addPair("headers", "X-Source", "kompaas/");
    // the header value field had focus last, so the chip goes there, at the caret
    driver.findElement(By.cssSelector("input[data-pairs='headers-value-0']")).sendKeys(Keys.END);
    click(By.cssSelector("button.chip-name[data-param='eventType']"));
    awaitAjax();
    Await.until(
        "preview shows the request",
        Duration.ofSeconds(10),
        () -> {
          String preview;
          try {
            preview = driver.findElement(By.id("preview")).getText();
          } catch (org.openqa.selenium.StaleElementReferenceException replacedWhileRead) {
            return false; // an Ajax update replaced the preview between find and read: poll again
          }
          return preview.contains("\"callerNumber\"")
              && preview.contains("\"did\"")
              && preview.contains("X-Source: kompaas/call.incoming.start")
              && preview.contains("/crm/1764324930.1842");
        });
    Browser.screenshot(driver, "03-settings-form");

    click(By.id("form:save"));
    wait.until(ExpectedConditions.urlContains("webhook.xhtml?id="));
    String id = driver.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");
    String secret = driver.findElement(By.id("form:secret")).getAttribute("value");
    assertTrue(secret.startsWith("whsec_•••"), "the signing secret is shown masked: " + secret);
    Browser.screenshot(driver, "04-saved-webhook");

    // "Send test": one real, signed request with the example values, and its answer on the page
    click(By.id("form:sendTest"));
    WebElement status =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("testStatus")));
    assertEquals("HTTP 200", status.getText());
    var test = receiver.received("/crm/1764324930.1842");
    assertEquals(1, test.size(), "one test request");
    assertTrue(
        test.get(0).header("webhook-signature").startsWith("v1,"),
        "signed with the webhook's secret");

    click(By.id("navWebhooks"));
    WebElement table =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list:table")));
    assertTrue(table.getText().contains("Incoming calls to CRM"), table.getText());
    assertTrue(
        table.getText().contains("call.incoming.start")
            && table.getText().contains("Telephony calls"),
        table.getText());
    Browser.screenshot(driver, "05-webhooks-list");

    // an event on JMS reaches the receiver, and the log shows the delivery and its attempt
    String eventId = "console-" + UUID.randomUUID();
    Jms.publish(
        brokerPort,
        USER,
        PASSWORD,
        List.of(
            Jms.event(
                eventId,
                "demo",
                "call.incoming.start",
                "{\"callId\":\"c-42\",\"callerNumber\":\"79160000001\",\"did\":\"74950000002\"}")));
    Await.until(
        "the receiver got the call",
        Duration.ofSeconds(30),
        () -> !receiver.received("/crm/c-42").isEmpty());
    var request = receiver.received("/crm/c-42").get(0);
    assertTrue(request.body().contains("\"callerNumber\":\"79160000001\""), request.body());
    assertEquals("kompaas/call.incoming.start", request.header("X-Source"));

    driver.get(app.uri("/deliveries.xhtml?webhook=" + id).toString());
    Await.until(
        "delivered row",
        Duration.ofSeconds(30),
        () -> {
          if (driver.getPageSource().contains(eventId)
              && driver.findElement(By.id("log:table")).getText().contains("SUCCEEDED")) {
            return true;
          }
          driver.navigate().refresh();
          return false;
        });
    assertEquals(
        1,
        driver.findElements(By.cssSelector("#log\\:table .ui-row-toggler")).size(),
        "the test send is not in the log");
    driver.findElement(By.cssSelector("#log\\:table .ui-row-toggler")).click();
    WebElement sent =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".attempt-request")));
    assertTrue(sent.getText().startsWith("POST " + receiver.url("/crm/c-42")), sent.getText());
    assertTrue(sent.getText().contains("79160000001"), sent.getText());
    assertTrue(
        driver.findElement(By.cssSelector(".attempt-response")).getText().contains("HTTP 200"));
    Browser.screenshot(driver, "06-delivery-log");

    click(By.id("navDashboard"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kpiAttempts")));
    for (String chart : List.of("rate", "success", "latency")) {
      wait.until(
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + chart + " canvas")));
    }
    Browser.screenshot(driver, "07-dashboard");
  }

  @Test
  @Order(2)
  void savingShowsWhatIsWrongBesideTheField() throws Exception {
    Console.signIn(
        driver,
        app.uri(""),
        TestInfrastructure.DEMO_ADMIN_LOGIN,
        TestInfrastructure.DEMO_ADMIN_PASSWORD);
    driver.get(app.uri("/webhook.xhtml?type=sms.incoming").toString());
    WebElement url = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form:url")));
    url.sendKeys("https://crm.example.com/{{nope}}");
    driver.findElement(By.id("form:save")).click();
    awaitAjax();
    String titleMessage =
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".field:has(#form\\:title) .ui-message-error")))
            .getText();
    assertTrue(titleMessage.contains("Enter a title"), titleMessage);
    String urlMessage =
        driver.findElement(By.cssSelector(".field:has(#form\\:url) .ui-message-error")).getText();
    assertTrue(urlMessage.contains("Unknown placeholder {{nope}}"), urlMessage);
    assertTrue(
        driver.getCurrentUrl().contains("type=sms.incoming"),
        "not saved: " + driver.getCurrentUrl());
    Browser.screenshot(driver, "08-validation");

    url = driver.findElement(By.id("form:url")); // the save re-rendered the form
    url.clear();
    url.sendKeys("not a url");
    driver.findElement(By.id("form:save")).click();
    awaitAjax();
    Await.until(
        "URL message",
        Duration.ofSeconds(10),
        () ->
            driver
                .findElement(By.cssSelector(".field:has(#form\\:url) .ui-message-error"))
                .getText()
                .contains("The URL must not contain spaces"));
  }

  @Test
  @Order(3)
  void anotherAccountsWebhookIsNotFound() throws Exception {
    long foreign = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
    try (Connection c = TestInfrastructure.connect(TestInfrastructure.SYSTEM_DATABASE);
        PreparedStatement s =
            c.prepareStatement(
                "insert into webhook (id, version, account_id, event_type, title, url, retry_if_error, method, data_type,"
                    + " body_template, enabled, created_at, updated_at) values (?, 0, 'acc-other', 'sms.incoming',"
                    + " 'Other account secret hook', 'https://other.example.com/x', true, 'POST', 'JSON', '', true, ?, ?)")) {
      s.setLong(1, foreign);
      s.setObject(2, java.sql.Timestamp.from(Instant.now()));
      s.setObject(3, java.sql.Timestamp.from(Instant.now()));
      s.executeUpdate();
    }
    Console.signIn(
        driver,
        app.uri(""),
        TestInfrastructure.DEMO_ADMIN_LOGIN,
        TestInfrastructure.DEMO_ADMIN_PASSWORD);
    driver.get(app.uri("/webhook.xhtml?id=" + foreign).toString());
    WebElement notFound =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notFound")));
    assertTrue(notFound.getText().contains("Webhook not found"), notFound.getText());
    assertFalse(driver.getPageSource().contains("Other account secret hook"));
    assertFalse(driver.getPageSource().contains("other.example.com"));
    driver.get(app.uri("/deliveries.xhtml?webhook=" + foreign).toString());
    assertFalse(driver.getPageSource().contains("Other account secret hook"));
    driver.get(app.uri("/webhooks.xhtml").toString());
    assertFalse(driver.getPageSource().contains("Other account secret hook"));
    Browser.screenshot(driver, "09-foreign-not-found");
  }

  @Test
  @Order(4)
  void anOperatorSeesTheCatalogueAndDiscardsADeadLetter() throws Exception {
    String marker = "not-json-" + UUID.randomUUID();
    Jms.publish(brokerPort, USER, PASSWORD, List.of(marker));
    Console.signIn(
        driver,
        app.uri(""),
        TestInfrastructure.OPERATOR_LOGIN,
        TestInfrastructure.OPERATOR_PASSWORD);
    wait.until(ExpectedConditions.urlContains("/operator/catalog.xhtml"));
    assertTrue(driver.findElement(By.tagName("main")).getText().contains("call.incoming.start"));
    Browser.screenshot(driver, "10-operator-catalogue");

    click(By.id("navDeadLetters"));
    Await.until(
        "dead letter listed",
        Duration.ofSeconds(30),
        () -> {
          if (driver.findElement(By.id("letters:table")).getText().contains("JMS")
              && !driver
                  .findElements(By.cssSelector("#letters\\:table .ui-row-toggler"))
                  .isEmpty()) {
            return true;
          }
          driver.navigate().refresh();
          return false;
        });
    driver.findElement(By.cssSelector("#letters\\:table .ui-row-toggler")).click();
    wait.until(d -> d.getPageSource().contains(marker));
    Browser.screenshot(driver, "11-dead-letters");
    int before =
        driver.findElements(By.cssSelector("#letters\\:table tbody tr .dead-reason")).size();
    click(By.cssSelector("#letters\\:table tbody tr [id$='discard']"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("confirmForm:confirmYes"))).click();
    awaitAjax();
    Await.until(
        "one fewer",
        Duration.ofSeconds(10),
        () ->
            driver.findElements(By.cssSelector("#letters\\:table tbody tr .dead-reason")).size()
                == before - 1);
  }

  @Test
  @Order(5)
  void aFailingReceiverShowsTheRetryStateAndIsResentByHand() throws Exception {
    String path = "/failing-" + UUID.randomUUID() + "/";
    receiver.byDefault(path, Receiver.Answer.status(503));
    Console.signIn(
        driver,
        app.uri(""),
        TestInfrastructure.DEMO_ADMIN_LOGIN,
        TestInfrastructure.DEMO_ADMIN_PASSWORD);
    driver.get(app.uri("/webhook.xhtml?type=sms.incoming").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form:title")))
        .sendKeys("SMS to a failing CRM");
    driver.findElement(By.id("form:url")).sendKeys(receiver.url(path));
    click(By.id("form:save"));
    wait.until(ExpectedConditions.urlContains("webhook.xhtml?id="));
    String id = driver.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");

    String eventId = "failing-" + UUID.randomUUID();
    Jms.publish(
        brokerPort,
        USER,
        PASSWORD,
        List.of(
            Jms.event(
                eventId, "demo", "sms.incoming", "{\"messageId\":\"m-1\",\"text\":\"hello\"}")));
    // the first attempt and the immediate resend both get 503; the next waits ten minutes
    Await.until(
        "two failed attempts", Duration.ofSeconds(60), () -> receiver.received(path).size() >= 2);

    driver.get(app.uri("/deliveries.xhtml?webhook=" + id).toString());
    Await.until(
        "the log shows two attempts and a next one",
        Duration.ofSeconds(30),
        () -> {
          List<WebElement> rows =
              driver.findElements(By.cssSelector("#log\\:table tbody tr[data-ri]"));
          if (rows.size() == 1
              && cell(rows.get(0), 4).equals("2")
              && !cell(rows.get(0), 5).equals("—")) {
            return true;
          }
          driver.navigate().refresh();
          return false;
        });
    WebElement row = driver.findElement(By.cssSelector("#log\\:table tbody tr[data-ri]"));
    assertFalse(
        row.findElements(By.cssSelector(".status-PENDING")).isEmpty(),
        "waiting for its next attempt: " + row.getText());
    assertTrue(row.getText().contains("HTTP 503"), row.getText());
    Browser.screenshot(driver, "12-retry-state");

    // the webhooks list shows the same state in its last-day columns (delivery's figures beside
    // subscription's rows)
    driver.get(app.uri("/webhooks.xhtml").toString());
    WebElement listed =
        driver.findElements(By.cssSelector("tbody tr[data-ri]")).stream()
            .filter(r -> r.getText().contains("SMS to a failing CRM"))
            .findFirst()
            .orElseThrow();
    assertFalse(
        listed.findElements(By.cssSelector(".status-PENDING")).isEmpty(),
        "last delivery pending: " + listed.getText());
    assertTrue(listed.getText().contains("503"), listed.getText());
    Browser.screenshot(driver, "12-list-retry-state");
    driver.get(app.uri("/deliveries.xhtml?webhook=" + id).toString());
    row =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#log\\:table tbody tr[data-ri]")));

    // the receiver is fixed; the user resends at once instead of waiting minutes for the schedule
    receiver.byDefault(path, Receiver.Answer.status(200));
    click(By.cssSelector("#log\\:table tbody tr[data-ri] [id$='resend']"));
    awaitAjax();
    Await.until(
        "the resend reached the receiver",
        Duration.ofSeconds(30),
        () -> receiver.received(path).size() == 3);
    Await.until(
        "the log shows it delivered",
        Duration.ofSeconds(30),
        () -> {
          WebElement r = driver.findElement(By.cssSelector("#log\\:table tbody tr[data-ri]"));
          if (!r.findElements(By.cssSelector(".status-SUCCEEDED")).isEmpty()
              && cell(r, 4).equals("3")) {
            return true;
          }
          driver.navigate().refresh();
          return false;
        });
    driver.findElement(By.cssSelector("#log\\:table .ui-row-toggler")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".attempt-response")));
    List<String> responses =
        driver.findElements(By.cssSelector(".attempt-response")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(3, responses.size(), "every attempt is listed");
    assertEquals(
        2, responses.stream().filter(r -> r.startsWith("HTTP 503")).count(), responses.toString());
    assertEquals(
        1, responses.stream().filter(r -> r.startsWith("HTTP 200")).count(), responses.toString());
    assertEquals(
        1,
        driver.findElements(By.cssSelector(".attempt.manual")).size(),
        "one attempt was resent by hand");
    Browser.screenshot(driver, "13-resent-by-hand");
    Await.holds( // two scheduler ticks
        "nothing more goes out for a delivered event",
        Duration.ofMillis(2_500),
        () -> receiver.received(path).size() == 3);
  }

  @Test
  @Order(6)
  void anOperatorAddsAnEventTypeThatIntakeAndUsersSeeAtOnce() throws Exception {
    String code = "sms.sent_" + ThreadLocalRandom.current().nextInt(1_000_000);
    Console.signIn(
        driver,
        app.uri(""),
        TestInfrastructure.OPERATOR_LOGIN,
        TestInfrastructure.OPERATOR_PASSWORD);
    wait.until(ExpectedConditions.urlContains("/operator/catalog.xhtml"));
    click(By.id("head:addType"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:code")));
    awaitAjax();
    WebElement codeField = driver.findElement(By.id("editor:code"));
    codeField.clear();
    codeField.sendKeys(code);
    driver.findElement(By.id("editor:label")).sendKeys("Sent SMS");
    click(By.id("editor:addParameter"));
    awaitAjax();
    wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[id$=':1:pname']")))
        .sendKeys("parts");
    driver.findElement(By.cssSelector("input[id$=':1:pexample']")).sendKeys("two");
    click(By.id("editor:save"));
    awaitAjax();
    // refused, with the reasons beside the fields: no group, no description, an example that is no
    // integer
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector(".field:has(#editor\\:description) .ui-message-error")));
    String group =
        driver
            .findElement(By.cssSelector(".field:has(#editor\\:group) .ui-message-error"))
            .getText();
    assertTrue(group.contains("Choose the group"), group);
    List<String> rowErrors =
        driver.findElements(By.cssSelector(".param-error")).stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(
        rowErrors.stream().anyMatch(e -> e.equals("Row 2: Describe what the value is.")),
        rowErrors.toString());

    driver
        .findElement(By.id("editor:description"))
        .sendKeys("An SMS left one of the account's numbers");
    choose(driver.findElement(By.id("editor:group")), "SMS");
    choose(driver.findElement(By.cssSelector("div[id$=':1:ptype']")), "integer");
    WebElement example = driver.findElement(By.cssSelector("input[id$=':1:pexample']"));
    example.clear();
    example.sendKeys("2");
    driver
        .findElement(By.cssSelector("input[id$=':1:pdescription']"))
        .sendKeys("How many parts the SMS was split into");
    Browser.screenshot(driver, "14-catalogue-editor");
    click(By.id("editor:save"));
    awaitAjax();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("editor:code")));
    Await.until(
        "the new type is listed",
        Duration.ofSeconds(10),
        () -> driver.findElement(By.id("catalog")).getText().contains(code));

    // the intake accepts the type at once: no dead letter, a stored event
    String eventId = "sent-" + UUID.randomUUID();
    Jms.publish(
        brokerPort,
        USER,
        PASSWORD,
        List.of(Jms.event(eventId, "demo", code, "{\"eventId\":\"e-1\",\"parts\":2}")));
    Await.until(
        "the event is stored", Duration.ofSeconds(30), () -> storedEvents(eventId, code) == 1);

    // an edit: the label changes, the code stays, and the page says who changed it
    WebElement typeRow =
        driver.findElement(By.xpath("//tr[.//span[@class='type' and text()='" + code + "']]"));
    click(By.id(typeRow.findElement(By.cssSelector("[id$='edit']")).getAttribute("id")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:label")));
    awaitAjax();
    assertFalse(driver.findElement(By.id("editor:code")).isEnabled(), "the code cannot change");
    WebElement label = driver.findElement(By.id("editor:label"));
    label.clear();
    label.sendKeys("SMS sent");
    click(By.id("editor:save"));
    awaitAjax();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("editor:code")));
    Await.until(
        "the new label is listed",
        Duration.ofSeconds(10),
        () -> {
          String text =
              driver
                  .findElement(By.xpath("//tr[.//span[@class='type' and text()='" + code + "']]"))
                  .getText();
          return text.contains("SMS sent") && text.contains(TestInfrastructure.OPERATOR_LOGIN);
        });
    Browser.screenshot(driver, "15-catalogue-edited");

    // and a customer finds it in the New Web hook window
    driver.findElement(By.id("caller:signOut")).click();
    Console.signIn(
        driver,
        app.uri(""),
        TestInfrastructure.DEMO_ADMIN_LOGIN,
        TestInfrastructure.DEMO_ADMIN_PASSWORD);
    driver.findElement(By.id("newWebhookButton")).click();
    WebElement dialog =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("newWebhookDlg")));
    WebElement card = dialog.findElement(By.cssSelector(".type-card[data-code='" + code + "']"));
    assertTrue(card.getText().contains("SMS sent"), card.getText());
  }

  private static int storedEvents(String externalId, String type) {
    try (Connection c = TestInfrastructure.connect(TestInfrastructure.SYSTEM_DATABASE);
        PreparedStatement s =
            c.prepareStatement("select count(*) from event where external_id = ? and type = ?")) {
      s.setString(1, externalId);
      s.setString(2, type);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(7)
  void aRefusedSignInLeavesTheConsoleUsable() throws Exception {
    var signInPage =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(app.uri("/login.xhtml")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    String cookie = signInPage.headers().firstValue("set-cookie").orElse("");
    assertTrue(
        cookie.startsWith("JSESSIONID=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax"),
        "the session cookie is HttpOnly and SameSite=Lax: " + cookie);
    driver.get(app.uri("/deliveries.xhtml").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")))
        .sendKeys(TestInfrastructure.DEMO_ADMIN_LOGIN);
    driver.findElement(By.id("login:password")).sendKeys("not-the-password");
    driver.findElement(By.id("login:submit")).click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector(".ui-messages-error, .ui-message-error")));
    // the next page asked for shows the sign-in form again, not an empty page
    driver.get(app.uri("/").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")))
        .sendKeys(TestInfrastructure.DEMO_ADMIN_LOGIN);
    driver.findElement(By.id("login:password")).sendKeys(TestInfrastructure.DEMO_ADMIN_PASSWORD);
    driver.findElement(By.id("login:submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("caller:signOut")));
  }

  @Test
  @Order(8)
  void aTextBodyIsWrittenSavedAndShownAgain() throws Exception {
    Console.signIn(
        driver,
        app.uri(""),
        TestInfrastructure.DEMO_ADMIN_LOGIN,
        TestInfrastructure.DEMO_ADMIN_PASSWORD);
    driver.get(app.uri("/webhook.xhtml?type=sms.incoming").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form:title")))
        .sendKeys("SMS as text");
    driver.findElement(By.id("form:url")).sendKeys(receiver.url("/text/"));
    // field 5 of the help article: POST (the default) and Text, then "free filling"
    click(
        By.xpath(
            "//*[@id='form:dataType']//*[contains(@class,'ui-button') and normalize-space(.)='Text']"));
    awaitAjax();
    WebElement body =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form:bodyTemplate")));
    body.sendKeys("SMS ");
    click(By.cssSelector("button.chip-name[data-param='messageId']"));
    body.sendKeys(Keys.END, " says hello");
    awaitAjax();
    Await.until(
        "the preview shows the text body",
        Duration.ofSeconds(10),
        () -> driver.findElement(By.id("preview")).getText().contains("text/plain"));
    click(By.id("form:save"));
    wait.until(ExpectedConditions.urlContains("webhook.xhtml?id="));

    driver.navigate().refresh();
    WebElement reloaded =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form:bodyTemplate")));
    assertEquals("SMS {{messageId}} says hello", reloaded.getAttribute("value"));
    Browser.screenshot(driver, "16-text-body");

    // GET has no body: the field goes, the hint comes
    click(
        By.xpath(
            "//*[@id='form:method']//*[contains(@class,'ui-button') and normalize-space(.)='GET']"));
    awaitAjax();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("form:bodyTemplate")));
    assertTrue(
        driver
            .findElement(By.id("form:bodyBlock"))
            .getText()
            .contains("A GET request has no body"));
  }

  /**
   * A form posted back with a view the server no longer has (evicted by the session's newer views,
   * as when many tabs were opened since) or never had (a forged view state): the friendly page with
   * 400, or inside an Ajax answer, and one line in the log, no stack trace.
   */
  @Test
  @Order(9)
  void anExpiredOrForgedViewGetsTheExpiredPageAndOneLogLine() throws Exception {
    var console =
        com.kompaas.webhooks.it.ConsoleHttp.signIn(
            app.uri(""),
            TestInfrastructure.DEMO_ADMIN_LOGIN,
            TestInfrastructure.DEMO_ADMIN_PASSWORD);
    String page = "/webhook.xhtml?type=sms.incoming";
    String stale = com.kompaas.webhooks.it.ConsoleHttp.viewState(console.get(page).body());
    for (int i = 0; i < 25; i++) {
      console.get(page); // each render is a new view of the session; the oldest ones are dropped
    }
    long logFrom = app.outputLength();

    var expired = console.post(page, saveForm(stale));
    assertEquals(400, expired.statusCode(), expired.body());
    assertTrue(expired.body().contains("id=\"errorTitle\">This page has expired"), expired.body());

    var forged = console.post(page, saveForm("forged<script>:view-state"));
    assertEquals(400, forged.statusCode(), forged.body());
    assertTrue(forged.body().contains("This page has expired"), forged.body());
    assertFalse(forged.body().contains("forged<script>"), "what was posted is not echoed");
    // "stateless" asks Faces to build the page afresh, which it refuses for a page that keeps state
    var stateless = console.post(page, saveForm("stateless"));
    assertEquals(400, stateless.statusCode(), stateless.body());
    assertTrue(stateless.body().contains("This page has expired"), stateless.body());

    Map<String, String> ajax = new java.util.LinkedHashMap<>(saveForm(stale));
    ajax.remove("form:save");
    ajax.put("jakarta.faces.partial.ajax", "true");
    ajax.put("jakarta.faces.source", "form:save");
    ajax.put("jakarta.faces.partial.execute", "@form");
    ajax.put("jakarta.faces.partial.render", "@form");
    var inAjax = console.post(page, ajax, "Faces-Request", "partial/ajax");
    // an Ajax answer must be 200 for the browser to apply it; it replaces the page with the same
    // one
    assertEquals(200, inAjax.statusCode(), inAjax.body());
    assertTrue(
        inAjax.body().contains("<partial-response")
            && inAjax.body().contains("This page has expired"),
        inAjax.body());

    Await.until(
        "one log line per refused view",
        Duration.ofSeconds(10),
        () -> output(logFrom).split("expired or unknown view", -1).length - 1 == 4);
    String logged = app.outputSince(logFrom);
    assertFalse(
        logged.contains("\tat ") || logged.contains("SEVERE") || logged.contains("ViewExpired"),
        "no stack trace, no SEVERE: " + logged);
    assertFalse(logged.contains("forged<script>"), "the posted view state is not logged");
  }

  private String output(long from) {
    try {
      return app.outputSince(from);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, String> saveForm(String viewState) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("form", "form");
    fields.put("form:title", "never saved");
    fields.put("form:save", "");
    fields.put("jakarta.faces.ViewState", viewState);
    return fields;
  }

  /**
   * Picks an item of a PrimeFaces selectOneMenu, as a person does: open it, click the label. The
   * panel slides open, and a click during the slide can miss; so it clicks again until the menu
   * shows the choice.
   */
  private void choose(WebElement menu, String label) {
    String id = menu.getAttribute("id");
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", menu);
    By item = By.cssSelector("[id='" + id + "_items'] li[data-label='" + label + "']");
    Await.until(
        "the menu " + id + " shows " + label,
        Duration.ofSeconds(20),
        () -> {
          if (menu.findElement(By.cssSelector(".ui-selectonemenu-label")).getText().equals(label)) {
            return true;
          }
          List<WebElement> shown =
              driver.findElements(item).stream().filter(WebElement::isDisplayed).toList();
          try {
            if (shown.isEmpty()) {
              menu.findElement(By.cssSelector(".ui-selectonemenu-trigger")).click();
            } else {
              Thread.sleep(300); // let the panel finish sliding open
              shown.get(0).click();
            }
          } catch (org.openqa.selenium.WebDriverException e) {
            // moved or covered meanwhile: look again
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return false;
        });
  }

  private static String cell(WebElement row, int index) {
    return row.findElements(By.tagName("td")).get(index).getText().strip();
  }

  private void tick(String parameter) {
    click(By.cssSelector("input[type=checkbox][data-param='" + parameter + "']"));
    awaitAjax();
  }

  private void addPair(String table, String key, String value) {
    click(By.cssSelector("[data-add='" + table + "']"));
    awaitAjax();
    WebElement keyField =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[data-pairs='" + table + "-key-0']")));
    keyField.sendKeys(key);
    driver.findElement(By.cssSelector("input[data-pairs='" + table + "-value-0']")).sendKeys(value);
    awaitAjax();
  }

  /** Scrolled to the middle first: the sticky Save bar would otherwise take the click. */
  private void click(By locator) {
    WebElement element = driver.findElement(locator);
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  private void awaitAjax() {
    try {
      Thread.sleep(150); // let a delayed p:ajax fire before asking whether the queue is empty
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    wait.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.readyState==='complete' && (!window.jQuery || jQuery.active===0)"
                            + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"));
  }
}
