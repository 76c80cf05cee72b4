package com.kompaas.webhooks.it.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.it.TestInfrastructure;
import com.kompaas.webhooks.launcher.EmbeddedBroker;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The uber jar behind a TLS-ending proxy, as docs/security.md describes it: with {@code
 * webhooks.console.secure-cookies} the session cookie is {@code Secure} although the application
 * itself is reached over plain HTTP, and the packaged application does not name its server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureCookiesSystemIT {

  private static final String USER = "sys";
  private static final String PASSWORD = "sys-secret";

  private EmbeddedBroker broker;
  private ApplicationProcess app;

  @BeforeAll
  void start() throws Exception {
    Path target = TestInfrastructure.target();
    int brokerPort = ApplicationProcess.freePort();
    broker =
        new EmbeddedBroker(
                target.resolve("tls-broker-" + brokerPort), "127.0.0.1", brokerPort, USER, PASSWORD)
            .start();
    app =
        ApplicationProcess.uberJar(
            "tls",
            "tls-app.log",
            brokerPort,
            USER,
            PASSWORD,
            Map.of("WEBHOOKS_CONSOLE_SECURE_COOKIES", "true"));
    app.start();
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
  void theSessionCookieIsSecureAndNoResponseNamesTheServer() throws Exception {
    var login =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(app.uri("/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
    assertTrue(cookie.contains("Secure"), cookie);
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertFalse(login.headers().firstValue("Server").isPresent(), login.headers().toString());
    assertFalse(login.headers().firstValue("X-Powered-By").isPresent(), login.headers().toString());
  }
}
