package com.kompaas.webhooks.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark's own database on the machine's MariaDB, created fresh and dropped at the end, and
 * an administrative connection for seeding webhooks and counting what the application wrote.
 */
final class BenchDatabase implements AutoCloseable {

  static final String USER = "webhooks_bench";
  static final String PASSWORD = "webhooks-bench";
  /** Far above what the webhook sequence hands out, so the application never collides. */
  static final long FIRST_WEBHOOK_ID = 900_000_000L;

  private final String host;
  private final int port;
  private final String name;
  private final Connection admin;

  BenchDatabase(String host, int port, String name, String adminUser, String adminPassword) throws SQLException {
    this.host = host;
    this.port = port;
    this.name = name;
    this.admin = DriverManager.getConnection(url(""), adminUser, adminPassword);
  }

  String url(String database) {
    return "jdbc:mariadb://" + host + ":" + port + "/" + database;
  }

  String url() {
    return url(name);
  }

  String serverVersion() throws SQLException {
    return admin.getMetaData().getDatabaseProductVersion();
  }

  void recreate() throws SQLException {
    try (Statement s = admin.createStatement()) {
      for (String h : new String[] {"127.0.0.1", "localhost"}) {
        s.execute("CREATE USER IF NOT EXISTS '" + USER + "'@'" + h + "' IDENTIFIED BY '" + PASSWORD + "'");
      }
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      for (String h : new String[] {"127.0.0.1", "localhost"}) {
        s.execute("GRANT ALL ON " + name + ".* TO '" + USER + "'@'" + h + "'");
      }
    }
  }

  void drop() throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
    }
  }

  /** Intake refuses events of accounts it does not know. */
  void insertAccount(String accountId) throws SQLException {
    try (PreparedStatement a = admin.prepareStatement(
        "INSERT INTO " + name + ".account (id, name, created_at) VALUES (?, ?, ?)")) {
      a.setString(1, accountId);
      a.setString(2, "bench " + accountId);
      a.setTimestamp(3, Timestamp.from(Instant.now()));
      a.executeUpdate();
    }
  }

  /**
   * One webhook for {@code sms.incoming}: POST, JSON, two ticked parameters ({@code messageId}
   * carries the benchmark's sequence number), signed, retry on.
   */
  void insertWebhook(long id, String accountId, String url) throws SQLException {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement w = admin.prepareStatement(
            "INSERT INTO " + name + ".webhook (id, version, account_id, event_type, title, url, retry_if_error,"
                + " method, data_type, body_template, enabled, secret, created_at, updated_at)"
                + " VALUES (?, 0, ?, 'sms.incoming', ?, ?, TRUE, 'POST', 'JSON', '', TRUE, ?, ?, ?)");
        PreparedStatement p = admin.prepareStatement(
            "INSERT INTO " + name + ".webhook_parameter (webhook_id, position, name) VALUES (?, ?, ?)")) {
      w.setLong(1, id);
      w.setString(2, accountId);
      w.setString(3, "bench " + accountId);
      w.setString(4, url);
      w.setString(5, secret);
      w.setTimestamp(6, now);
      w.setTimestamp(7, now);
      w.executeUpdate();
      String[] ticked = {"messageId", "text"};
      for (int i = 0; i < ticked.length; i++) {
        p.setLong(1, id);
        p.setInt(2, i);
        p.setString(3, ticked[i]);
        p.executeUpdate();
      }
    }
  }

  /** Ids of seeded rows start here, far above what the application draws from its sequences. */
  static final long FIRST_SEEDED_ID = 800_000_000_000L;

  /** Rows per seeding statement (MariaDB's sequence engine, {@code seq_a_to_b}). */
  private static final int SEED_CHUNK = 50_000;

  /**
   * A resend backlog: for each sequence number in [from, from + count) an event of one of the
   * healthy accounts (round robin, as the publisher's) carrying it as {@code messageId}, and its
   * delivery, PENDING after a first failed attempt and due a day from now, so that nothing is handed
   * out while seeding. {@link #makeDue} then makes all of them due at once.
   */
  void seedBacklog(int from, int count, int accounts, String runId) throws SQLException {
    try (Statement s = admin.createStatement()) {
      for (int start = from; start < from + count; start += SEED_CHUNK) {
        int end = Math.min(from + count, start + SEED_CHUNK) - 1;
        String seq = " FROM " + name + ".seq_" + start + "_to_" + end;
        s.executeUpdate("INSERT INTO " + name + ".event (id, account_id, external_id, type, occurred_at, received_at,"
            + " data) SELECT " + FIRST_SEEDED_ID + " + seq, CONCAT('bench-', seq % " + accounts + "), CONCAT('" + runId
            + "-', seq), 'sms.incoming', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), CONCAT('{\"messageId\":\"', seq,"
            + " '\",\"text\":\"backlog\"}')" + seq);
        s.executeUpdate("INSERT INTO " + name + ".delivery (id, version, account_id, webhook_id, event_id, event_type,"
            + " external_event_id, status, due_at, dispatch_token, attempts, manual_resend, last_attempt_at,"
            + " last_error, created_at, updated_at) SELECT " + FIRST_SEEDED_ID + " + seq, 0, CONCAT('bench-', seq % "
            + accounts + "), " + FIRST_WEBHOOK_ID + " + seq % " + accounts + ", " + FIRST_SEEDED_ID + " + seq,"
            + " 'sms.incoming', CONCAT('" + runId + "-', seq), 'PENDING', UTC_TIMESTAMP(6) + INTERVAL 1 DAY, 1, 1,"
            + " FALSE, UTC_TIMESTAMP(6), 'CONNECTION_REFUSED', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)" + seq);
      }
    }
  }

  /** Makes the seeded backlog due now, in one statement. */
  void makeDue(int from, int count) throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.executeUpdate("UPDATE " + name + ".delivery SET due_at = UTC_TIMESTAMP(6) WHERE id BETWEEN "
          + (FIRST_SEEDED_ID + from) + " AND " + (FIRST_SEEDED_ID + from + count - 1));
    }
  }

  long count(String sql) throws SQLException {
    try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(sql.replace("{db}", name))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  long events() throws SQLException {
    return count("SELECT COUNT(*) FROM {db}.event");
  }

  long succeeded() throws SQLException {
    return count("SELECT COUNT(*) FROM {db}.delivery WHERE status = 'SUCCEEDED'");
  }

  long attempts() throws SQLException {
    return count("SELECT COUNT(*) FROM {db}.attempt");
  }

  long deadLetters() throws SQLException {
    return count("SELECT COUNT(*) FROM {db}.dead_letter");
  }

  private static final String[] COUNTERS = {"Questions", "Com_select", "Com_insert", "Com_update", "Com_commit"};

  /** Server-wide statement counters: other databases' work on this server is in them too. */
  Map<String, Long> serverStatus() throws SQLException {
    Map<String, Long> values = new LinkedHashMap<>();
    try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS")) {
      while (rs.next()) {
        for (String c : COUNTERS) {
          if (c.equalsIgnoreCase(rs.getString(1))) {
            values.put(c, rs.getLong(2));
          }
        }
      }
    }
    return values;
  }

  Map<String, Long> serverStatusSince(Map<String, Long> before) throws SQLException {
    Map<String, Long> now = serverStatus();
    Map<String, Long> delta = new LinkedHashMap<>();
    for (String c : COUNTERS) {
      delta.put(c, now.getOrDefault(c, 0L) - before.getOrDefault(c, 0L));
    }
    return delta;
  }

  private boolean userStatisticsSwitchedOn;

  /**
   * Switches on MariaDB's per-user statistics if they are off (they are restored at {@link
   * #close}): counted by the application's own user, statements per delivery are exact even when
   * other work shares the server.
   */
  boolean enableUserStatistics() {
    try (Statement s = admin.createStatement();
        ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE 'userstat'")) {
      if (rs.next() && "OFF".equalsIgnoreCase(rs.getString(2))) {
        s.execute("SET GLOBAL userstat = ON");
        userStatisticsSwitchedOn = true;
      }
      return true;
    } catch (SQLException e) {
      return false; // not MariaDB, or not allowed: fall back to the server-wide counters
    }
  }

  /** Selects, writes (insert, update, delete), other statements and commits of the application's user. */
  Map<String, Long> userStatistics() throws SQLException {
    Map<String, Long> values = new LinkedHashMap<>();
    try (PreparedStatement s = admin.prepareStatement(
            "SELECT SELECT_COMMANDS, UPDATE_COMMANDS, OTHER_COMMANDS, COMMIT_TRANSACTIONS"
                + " FROM information_schema.USER_STATISTICS WHERE USER = ?")) {
      s.setString(1, USER);
      try (ResultSet rs = s.executeQuery()) {
        boolean found = rs.next();
        values.put("selects", found ? rs.getLong(1) : 0);
        values.put("writes", found ? rs.getLong(2) : 0);
        values.put("other", found ? rs.getLong(3) : 0);
        values.put("commits", found ? rs.getLong(4) : 0);
      }
    }
    return values;
  }

  static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new LinkedHashMap<>();
    after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0L)));
    return delta;
  }

  @Override
  public void close() throws SQLException {
    if (userStatisticsSwitchedOn) {
      try (Statement s = admin.createStatement()) {
        s.execute("SET GLOBAL userstat = OFF");
      }
    }
    admin.close();
  }
}
