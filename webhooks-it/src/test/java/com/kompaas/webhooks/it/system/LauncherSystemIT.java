package com.kompaas.webhooks.it.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.it.Await;
import com.kompaas.webhooks.it.ConsoleHttp;
import com.kompaas.webhooks.it.TestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * and keep everything across a restart.
 */
class LauncherSystemIT {

  @Test
  void oneCommandRunsTheApplicationAndKeepsItsDataAcrossRestarts() throws Exception {
    Path target = TestInfrastructure.target();
    Path dataDir = target.resolve("launcher-data-" + UUID.randomUUID());
    int httpPort = ApplicationProcess.freePort();
    int brokerPort = ApplicationProcess.freePort();
    Map<String, String> env =
        Map.of(
            "WEBHOOKS_DATA_DIR", dataDir.toString(),
            "WEBHOOKS_HTTP_PORT", String.valueOf(httpPort),
            "WEBHOOKS_EMBEDDED_DB_PORT", String.valueOf(ApplicationProcess.freePort()),
            "WEBHOOKS_EMBEDDED_BROKER_PORT", String.valueOf(brokerPort),
            // the launcher passes its environment on to the application it starts
            "WEBHOOKS_BOOTSTRAP_OPERATOR_PASSWORD", TestInfrastructure.OPERATOR_PASSWORD);
    List<String> command = List.of(ApplicationProcess.java(), "-jar", System.getProperty("it.launcher-jar"));
    Path log = target.resolve("launcher-app.log");
    Files.deleteIfExists(log);

    List<String> ids = new ArrayList<>();
    try (var app = new ApplicationProcess(command, env, log, httpPort).start()) {
      assertTrue(health(app).contains("\"status\":\"UP\""));
      String password = secrets(dataDir).getProperty("broker.password");
      ids.add("launcher-" + UUID.randomUUID());
      Jms.publish(brokerPort, "webhooks", password, List.of(Jms.event(ids.get(0), "demo", "robot.call.completed", "{}")));
      Await.until("event listed", Duration.ofSeconds(30), () -> page(app).contains(ids.get(0)));

      // a burst followed at once by a stop: whatever is still queued must survive in the journal;
      // small enough that the first event stays on the page, which lists the newest 100
      List<String> burst = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        burst.add("burst-" + i + "-" + UUID.randomUUID());
      }
      Jms.publish(brokerPort, "webhooks", password,
          burst.stream().map(id -> Jms.event(id, "demo", "sms.incoming", "{}")).toList());
      ids.addAll(burst);
      assertTrue(app.stop(Duration.ofSeconds(60)), "the launcher stops on SIGTERM");
    }
    assertTrue(Files.readString(log).contains("[webhooks] webhooks is ready"), "the launcher printed the URL");

    try (var app = new ApplicationProcess(command, env, log, httpPort).start()) {
      Await.until("every event stored after the restart", Duration.ofSeconds(60), () -> total(app) == ids.size());
      assertTrue(page(app).contains(ids.get(0)), "the first event survived the restart");
      assertEquals(ids.size(), total(app), "each event stored exactly once");
    }
  }

  private static final Pattern TOTAL = Pattern.compile("(\\d+) stored");

  private static long total(ApplicationProcess app) {
    Matcher m = TOTAL.matcher(page(app));
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** The events page as the operator, who sees every account's events. */
  private static String page(ApplicationProcess app) {
    try {
      return ConsoleHttp.signIn(app.uri(""), TestInfrastructure.OPERATOR_LOGIN, TestInfrastructure.OPERATOR_PASSWORD)
          .get("/events.xhtml")
          .body();
    } catch (IOException e) {
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
