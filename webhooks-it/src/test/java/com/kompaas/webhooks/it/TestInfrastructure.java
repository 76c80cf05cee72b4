package com.kompaas.webhooks.it;

import com.kompaas.webhooks.launcher.EmbeddedBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares what every integration test stands on, once per test run and before Arquillian boots
 * Payara Micro: fresh databases of the tests' own on the machine's MariaDB, and a real Artemis
 * broker reachable over TCP. Nothing here is mocked.
 */
public class TestInfrastructure implements LauncherSessionListener {

  /** The Arquillian container's database. */
  public static final String IT_DATABASE = System.getProperty("it.db.name", "webhooks_it");

  /** The packaged application's database in system tests. */
  public static final String SYSTEM_DATABASE = System.getProperty("it.sys-db.name", "webhooks_sys");

  public static final String DB_USER = "webhooks_it";
  public static final String DB_PASSWORD = "webhooks-it";
  public static final String BROKER_USER = "it";
  public static final String BROKER_PASSWORD = "it-secret";

  /** The first-run passwords the tests hand to every application they start. */
  public static final String OPERATOR_LOGIN = "operator";

  public static final String OPERATOR_PASSWORD = "it-operator-secret-1";
  public static final String DEMO_ADMIN_LOGIN = "demo-admin";
  public static final String DEMO_ADMIN_PASSWORD = "it-demo-admin-secret-1";

  /** Artemis audits every message at INFO; held so the level sticks. */
  private static final java.util.logging.Logger AUDIT =
      java.util.logging.Logger.getLogger("org.apache.activemq.audit");

  private EmbeddedBroker broker;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("it.target") == null) {
      return; // not a failsafe run
    }
    AUDIT.setLevel(java.util.logging.Level.WARNING);
    try {
      recreateDatabases();
      Path brokerDir = target().resolve("it-broker");
      deleteRecursively(brokerDir);
      broker =
          new EmbeddedBroker(brokerDir, "127.0.0.1", brokerPort(), BROKER_USER, BROKER_PASSWORD)
              .start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot prepare the integration-test infrastructure", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (broker != null) {
      try {
        broker.close();
      } catch (Exception e) {
        // the JVM is ending anyway
      }
    }
  }

  public static Path target() {
    return Path.of(System.getProperty("it.target", "target"));
  }

  public static int brokerPort() {
    return Integer.getInteger("it.broker.port", 61617);
  }

  public static String jdbcUrl(String database) {
    return "jdbc:mariadb://"
        + System.getProperty("it.db.host", "127.0.0.1")
        + ":"
        + System.getProperty("it.db.port", "3306")
        + "/"
        + database;
  }

  public static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), DB_USER, DB_PASSWORD);
  }

  /** Accounts are provisioned, not implied: the intake refuses events of unknown accounts. */
  public static void ensureAccount(String database, String accountId) throws SQLException {
    try (Connection c = connect(database);
        var s =
            c.prepareStatement(
                "INSERT IGNORE INTO account (id, name, created_at) VALUES (?, ?, UTC_TIMESTAMP(6))")) {
      s.setString(1, accountId);
      s.setString(2, "Test account " + accountId);
      s.executeUpdate();
    }
  }

  private static void recreateDatabases() throws SQLException {
    String admin = System.getProperty("it.db.admin-user", "root");
    String password = System.getProperty("it.db.admin-password", "");
    try (Connection c = DriverManager.getConnection(jdbcUrl(""), admin, password);
        Statement s = c.createStatement()) {
      for (String host : new String[] {"127.0.0.1", "localhost"}) {
        s.execute(
            "CREATE USER IF NOT EXISTS '"
                + DB_USER
                + "'@'"
                + host
                + "' IDENTIFIED BY '"
                + DB_PASSWORD
                + "'");
      }
      for (String db : new String[] {IT_DATABASE, SYSTEM_DATABASE}) {
        s.execute("DROP DATABASE IF EXISTS " + db);
        s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
          s.execute("GRANT ALL ON " + db + ".* TO '" + DB_USER + "'@'" + host + "'");
        }
      }
    }
  }

  static void deleteRecursively(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
