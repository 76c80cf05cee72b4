package com.kompaas.webhooks.it.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.it.Await;
import com.kompaas.webhooks.it.TestInfrastructure;
import com.kompaas.webhooks.launcher.EmbeddedBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The production artifact, the Payara Micro uber jar, configured by environment variables for an
 * external MariaDB and an external Artemis broker, as the README describes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UberJarSystemIT {

  private static final String USER = "sys";
  private static final String PASSWORD = "sys-secret";

  private EmbeddedBroker broker;
  private int brokerPort;
  private ApplicationProcess app;

  @BeforeAll
  void start() throws Exception {
    Path target = TestInfrastructure.target();
    brokerPort = ApplicationProcess.freePort();
    // its own broker: the Arquillian container consumes from the shared test broker
    broker =
        new EmbeddedBroker(
                target.resolve("sys-broker-" + brokerPort), "127.0.0.1", brokerPort, USER, PASSWORD)
            .start();
    app = newApp();
    app.start();
    for (String account : List.of("acc-ui", "acc-foreign", "acc-restart")) {
      TestInfrastructure.ensureAccount(TestInfrastructure.SYSTEM_DATABASE, account);
    }
  }

  private ApplicationProcess newApp() throws Exception {
    return ApplicationProcess.uberJar(
        "sys",
        "sys-app.log",
        brokerPort,
        USER,
        PASSWORD,
        // the platform's producers' key, configured as its hash only
        Map.of("WEBHOOKS_API_PLATFORM_KEY_HASH", sha256Hex(PLATFORM_KEY)));
  }

  private static final String PLATFORM_KEY = "whk_platform_" + UUID.randomUUID();

  private static String sha256Hex(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private java.net.http.HttpResponse<String> api(
      String method, String path, String key, String body) throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(app.uri(path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build();
    return java.net.http.HttpClient.newHttpClient()
        .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePlatformKeyFeedsEventsOfAnyAccountAndReadsNothing() throws Exception {
    String id = "platform-" + UUID.randomUUID();
    var accepted =
        api(
            "POST",
            "/api/v1/events",
            PLATFORM_KEY,
            Jms.event(id, "acc-foreign", "sms.incoming", "{\"messageId\":\"p-1\"}"));
    assertEquals(202, accepted.statusCode(), accepted.body());
    assertTrue(accepted.body().contains("\"duplicate\":false"), accepted.body());
    var again =
        api(
            "POST",
            "/api/v1/events",
            PLATFORM_KEY,
            Jms.event(id, "acc-foreign", "sms.incoming", "{\"messageId\":\"p-1\"}"));
    assertEquals(202, again.statusCode(), again.body());
    assertTrue(
        again.body().contains("\"duplicate\":true"),
        "the same event twice is stored once: " + again.body());

    var webhooks = api("GET", "/api/v1/webhooks", PLATFORM_KEY, null);
    assertEquals(
        403, webhooks.statusCode(), "the platform key belongs to no account: " + webhooks.body());
    var wrong =
        api(
            "POST",
            "/api/v1/events",
            PLATFORM_KEY + "x",
            Jms.event("platform-" + UUID.randomUUID(), "acc-foreign", "sms.incoming", "{}"));
    assertEquals(401, wrong.statusCode(), wrong.body());
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void eventPublishedOverTcpAppearsOnTheEventsPage() throws Exception {
    String id = "browser-" + UUID.randomUUID();
    Jms.publish(
        brokerPort,
        USER,
        PASSWORD,
        List.of(
            Jms.event(
                id, "acc-ui", "call.incoming.end", "{\"duration\":42,\"status\":\"answered\"}")));

    WebDriver driver =
        Browser.start(TestInfrastructure.target().resolve("chrome-profile-" + UUID.randomUUID()));
    try {
      Console.signIn(
          driver,
          app.uri(""),
          TestInfrastructure.OPERATOR_LOGIN,
          TestInfrastructure.OPERATOR_PASSWORD);
      driver.get(app.uri("/events.xhtml").toString());
      // the page polls every two seconds; reloading is what a user would do too
      Await.until(
          "event row in the browser",
          Duration.ofSeconds(30),
          () -> {
            if (driver.getPageSource().contains(id)) {
              return true;
            }
            driver.navigate().refresh();
            return false;
          });
      var row =
          driver.findElement(
              By.xpath("//tr[.//span[contains(@class,'external-id') and text()='" + id + "']]"));
      assertTrue(row.getText().contains("call.incoming.end"), row.getText());
      assertTrue(row.getText().contains("acc-ui"), row.getText());
      Browser.screenshot(driver, "events-page");
    } finally {
      driver.quit();
    }
  }

  @Test
  void anAccountUserSeesOnlyItsAccountsEventsAndCanSignOut() throws Exception {
    String own = "demo-" + UUID.randomUUID();
    String foreign = "foreign-" + UUID.randomUUID();
    Jms.publish(
        brokerPort,
        USER,
        PASSWORD,
        List.of(
            Jms.event(foreign, "acc-foreign", "sms.incoming", "{}"),
            Jms.event(own, "demo", "sms.incoming", "{}")));
    Await.until(
        "both events stored", Duration.ofSeconds(30), () -> count(own) == 1 && count(foreign) == 1);

    WebDriver driver =
        Browser.start(TestInfrastructure.target().resolve("chrome-profile-" + UUID.randomUUID()));
    try {
      Console.signIn(
          driver,
          app.uri(""),
          TestInfrastructure.DEMO_ADMIN_LOGIN,
          TestInfrastructure.DEMO_ADMIN_PASSWORD);
      driver.get(app.uri("/events.xhtml").toString());
      Await.until(
          "own event listed", Duration.ofSeconds(10), () -> driver.getPageSource().contains(own));
      assertTrue(!driver.getPageSource().contains(foreign), "another account's event is not shown");
      assertTrue(driver.findElement(By.id("caller:who")).getText().contains("demo-admin"));
      Browser.screenshot(driver, "events-page-account-admin");

      driver.findElement(By.id("caller:signOut")).click();
      Await.until(
          "back on the login page",
          Duration.ofSeconds(10),
          () -> driver.getCurrentUrl().endsWith("/login.xhtml"));
      driver.get(app.uri("/events.xhtml").toString());
      assertTrue(
          driver.getCurrentUrl().endsWith("/login.xhtml"),
          "signed out: the events page asks to sign in again");
      Browser.screenshot(driver, "login-page");
    } finally {
      driver.quit();
    }
    String log = Files.readString(TestInfrastructure.target().resolve("sys-app.log"));
    assertTrue(
        !log.contains(TestInfrastructure.OPERATOR_PASSWORD)
            && !log.contains(TestInfrastructure.DEMO_ADMIN_PASSWORD),
        "configured passwords never reach the log");
  }

  @Test
  void restartKeepsStoredEventsAndConsumesWhatWasQueuedWhileDown() throws Exception {
    String before = "before-restart-" + UUID.randomUUID();
    Jms.publish(
        brokerPort,
        USER,
        PASSWORD,
        List.of(Jms.event(before, "acc-restart", "sms.incoming", "{}")));
    Await.until("event before restart stored", Duration.ofSeconds(30), () -> count(before) == 1);

    assertTrue(app.stop(Duration.ofSeconds(60)), "the application stops on SIGTERM");

    List<String> queued = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      queued.add("while-down-" + i + "-" + UUID.randomUUID());
    }
    Jms.publish(
        brokerPort,
        USER,
        PASSWORD,
        queued.stream()
            .map(id -> Jms.event(id, "acc-restart", "sms.status", "{\"status\":\"delivered\"}"))
            .toList());

    app = newApp();
    app.start();

    Await.until(
        "all queued events stored",
        Duration.ofSeconds(60),
        () -> queued.stream().allMatch(id -> count(id) == 1));
    assertEquals(1, count(before), "the event stored before the restart is still there, once");
    for (String id : queued) {
      assertEquals(1, count(id), id);
    }
  }

  private static int count(String externalId) {
    try (Connection c = TestInfrastructure.connect(TestInfrastructure.SYSTEM_DATABASE);
        PreparedStatement s =
            c.prepareStatement("select count(*) from event where external_id = ?")) {
      s.setString(1, externalId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      return -1;
    }
  }
}
