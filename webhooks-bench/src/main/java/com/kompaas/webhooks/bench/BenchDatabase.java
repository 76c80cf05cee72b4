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

  BenchDatabase(String host, int port, String name, String adminUser, String adminPassword)
      throws SQLException {
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
        s.execute(
            "CREATE USER IF NOT EXISTS '"
                + USER
                + "'@'"
                + h
                + "' IDENTIFIED BY '"
                + PASSWORD
                + "'");
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
    try (PreparedStatement a =
        admin.prepareStatement(
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
    try (PreparedStatement w =
            admin.prepareStatement(
                "INSERT INTO "
                    + name
                    + ".webhook (id, version, account_id, event_type, title, url, retry_if_error,"
                    + " method, data_type, body_template, enabled, secret, created_at, updated_at)"
                    + " VALUES (?, 0, ?, 'sms.incoming', ?, ?, TRUE, 'POST', 'JSON', '', TRUE, ?, ?, ?)");
        PreparedStatement p =
            admin.prepareStatement(
                "INSERT INTO "
                    + name
                    + ".webhook_parameter (webhook_id, position, name) VALUES (?, ?, ?)")) {
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
   * delivery, PENDING after a first failed attempt and due a day from now, so that nothing is
   * handed out while seeding. {@link #makeDue} then makes all of them due at once.
   */
  void seedBacklog(int from, int count, int accounts, String runId) throws SQLException {
    try (Statement s = admin.createStatement()) {
      for (int start = from; start < from + count; start += SEED_CHUNK) {
        int end = Math.min(from + count, start + SEED_CHUNK) - 1;
        String seq = " FROM " + name + ".seq_" + start + "_to_" + end;
        s.executeUpdate(
            "INSERT INTO "
                + name
                + ".event (id, account_id, external_id, type, occurred_at, received_at,"
                + " data) SELECT "
                + FIRST_SEEDED_ID
                + " + seq, CONCAT('bench-', seq % "
                + accounts
                + "), CONCAT('"
                + runId
                + "-', seq), 'sms.incoming', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), CONCAT('{\"messageId\":\"', seq,"
                + " '\",\"text\":\"backlog\"}')"
                + seq);
        s.executeUpdate(
            "INSERT INTO "
                + name
                + ".delivery (id, version, account_id, webhook_id, event_id, event_type,"
                + " external_event_id, status, due_at, dispatch_token, attempts, manual_resend, last_attempt_at,"
                + " last_error, created_at, updated_at) SELECT "
                + FIRST_SEEDED_ID
                + " + seq, 0, CONCAT('bench-', seq % "
                + accounts
                + "), "
                + FIRST_WEBHOOK_ID
                + " + seq % "
                + accounts
                + ", "
                + FIRST_SEEDED_ID
                + " + seq,"
                + " 'sms.incoming', CONCAT('"
                + runId
                + "-', seq), 'PENDING', UTC_TIMESTAMP(6) + INTERVAL 1 DAY, 1, 1,"
                + " FALSE, UTC_TIMESTAMP(6), 'CONNECTION_REFUSED', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)"
                + seq);
      }
    }
  }

  /**
   * Ids of the delivery log's seeded events and deliveries start here; its attempts at twice that.
   */
  static final long FIRST_LOG_ID = 900_000_000_000L;

  /**
   * The delivery log's history: {@code deliveries} deliveries, each with its event and two attempts
   * (a refused connection, then a 200 or, for a failed one, a 500), spread evenly over the last
   * seven days in id order. Delivery {@code i} belongs to {@code accounts[i % accounts.length]} and
   * to that account's webhook {@code webhookIds[i % accounts.length]}; 95 % SUCCEEDED, 4 % FAILED
   * and 1 % PENDING (of each account's own), due in 30 days so that nothing is handed out. Foreign
   * and unique keys are not checked while seeding: the rows are built to satisfy them.
   */
  void seedLog(int deliveries, String[] accounts, long[] webhookIds) throws SQLException {
    long spanMicros = 7L * 24 * 3600 * 1_000_000;
    StringBuilder account = new StringBuilder("ELT(1 + seq % " + accounts.length);
    StringBuilder webhook = new StringBuilder("ELT(1 + seq % " + accounts.length);
    for (int i = 0; i < accounts.length; i++) {
      account.append(", '").append(accounts[i]).append('\'');
      webhook.append(", ").append(webhookIds[i]);
    }
    account.append(')');
    webhook.append(')');
    String createdAt =
        "UTC_TIMESTAMP(6) - INTERVAL ("
            + deliveries
            + " - seq) * "
            + spanMicros / deliveries
            + " MICROSECOND";
    // the status cycles over each account's own deliveries, independently of which account it is
    String r = "(seq DIV " + accounts.length + ") % 100";
    String status = "IF(" + r + " < 95, 'SUCCEEDED', IF(" + r + " < 99, 'FAILED', 'PENDING'))";
    try (Statement s = admin.createStatement()) {
      s.execute("SET SESSION foreign_key_checks = 0, unique_checks = 0");
      for (int start = 0; start < deliveries; start += SEED_CHUNK) {
        int end = Math.min(deliveries, start + SEED_CHUNK) - 1;
        String seq = " FROM " + name + ".seq_" + start + "_to_" + end;
        s.executeUpdate(
            "INSERT INTO "
                + name
                + ".event (id, account_id, external_id, type, occurred_at, received_at,"
                + " data) SELECT "
                + FIRST_LOG_ID
                + " + seq, "
                + account
                + ", CONCAT('log-', seq), 'sms.incoming', "
                + createdAt
                + ", "
                + createdAt
                + ", CONCAT('{\"messageId\":\"log-', seq, '\",\"text\":\"history\"}')"
                + seq);
        s.executeUpdate(
            "INSERT INTO "
                + name
                + ".delivery (id, version, account_id, webhook_id, event_id, event_type,"
                + " external_event_id, status, due_at, dispatch_token, attempts, manual_resend, last_attempt_at,"
                + " last_status_code, last_error, created_at, updated_at) SELECT "
                + FIRST_LOG_ID
                + " + seq, 3, "
                + account
                + ", "
                + webhook
                + ", "
                + FIRST_LOG_ID
                + " + seq, 'sms.incoming', CONCAT('log-', seq), "
                + status
                + ","
                + " IF("
                + r
                + " = 99, UTC_TIMESTAMP(6) + INTERVAL 30 DAY, NULL), 2, 2, FALSE, "
                + createdAt
                + " + INTERVAL 1 SECOND, IF("
                + r
                + " < 95, 200, 500), IF("
                + r
                + " < 95, NULL, 'HTTP_STATUS'), "
                + createdAt
                + ", "
                + createdAt
                + " + INTERVAL 1 SECOND"
                + seq);
        for (int number = 1; number <= 2; number++) {
          String outcome = number == 1 ? "'FAILED'" : "IF(" + r + " < 95, 'DELIVERED', 'FAILED')";
          s.executeUpdate(
              "INSERT INTO "
                  + name
                  + ".attempt (id, delivery_id, account_id, number, manual, started_at,"
                  + " duration_ms, request_method, request_url, request_headers, request_body, response_status,"
                  + " response_headers, response_body, response_truncated, outcome, error, error_detail) SELECT "
                  + (2 * FIRST_LOG_ID + number - 1)
                  + " + 2 * seq, "
                  + FIRST_LOG_ID
                  + " + seq, "
                  + account
                  + ", "
                  + number
                  + ", FALSE, "
                  + createdAt
                  + (number == 1 ? "" : " + INTERVAL 1 SECOND")
                  + ", 12, 'POST',"
                  + " 'https://hooks.example.com/telephony/sms', CONCAT('Content-Type: application/json\\nwebhook-id: msg_',"
                  + " seq, '\\nwebhook-timestamp: 1764700000\\nwebhook-signature: v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4='),"
                  + " CONCAT('{\"messageId\":\"log-', seq, '\",\"text\":\"history\"}'), "
                  + (number == 1
                      ? "NULL, NULL, NULL"
                      : "IF(" + r + " < 95, 200, 500), 'content-length: 2', 'ok'")
                  + ", FALSE, "
                  + outcome
                  + ", "
                  + (number == 1
                      ? "'CONNECTION_REFUSED', 'Connection refused'"
                      : "IF(" + r + " < 95, NULL, 'HTTP_STATUS'), NULL")
                  + seq);
        }
      }
      s.execute("SET SESSION foreign_key_checks = 1, unique_checks = 1");
    }
  }

  /** Fresh index statistics after seeding, as a DBA would after a bulk load. */
  void analyze(String... tables) throws SQLException {
    try (Statement s = admin.createStatement()) {
      for (String table : tables) {
        s.execute("ANALYZE TABLE " + name + "." + table);
      }
    }
  }

  /** Data and index sizes of the log's tables, as InnoDB reports them. */
  String tableSizes() throws SQLException {
    StringBuilder out = new StringBuilder();
    try (PreparedStatement s =
        admin.prepareStatement(
            "SELECT table_name, data_length, index_length FROM"
                + " information_schema.TABLES WHERE table_schema = ? AND table_name IN ('event', 'delivery', 'attempt')"
                + " ORDER BY table_name")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.append(out.length() == 0 ? "" : ", ")
              .append(
                  String.format(
                      "%s %,d MiB + %,d MiB of indexes",
                      rs.getString(1), rs.getLong(2) >> 20, rs.getLong(3) >> 20));
        }
      }
    }
    return out.toString();
  }

  String bufferPool() throws SQLException {
    return "InnoDB buffer pool " + (count("SELECT @@innodb_buffer_pool_size") >> 20) + " MiB";
  }

  /** An API key of {@code accountId}, stored as the application stores one: its SHA-256 in hex. */
  void insertApiKey(long id, String accountId, String key) throws SQLException {
    try (PreparedStatement k =
        admin.prepareStatement(
            "INSERT INTO "
                + name
                + ".api_key (id, account_id, name, prefix,"
                + " key_hash, created_by, created_at) VALUES (?, ?, 'bench', ?, ?, 'bench', ?)")) {
      k.setLong(1, id);
      k.setString(2, accountId);
      k.setString(3, key.substring(0, 12));
      k.setString(
          4,
          java.util.HexFormat.of()
              .formatHex(
                  java.security.MessageDigest.getInstance("SHA-256")
                      .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
      k.setTimestamp(5, Timestamp.from(Instant.now()));
      k.executeUpdate();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Makes the seeded backlog due now, {@link #SEED_CHUNK} rows per statement: one UPDATE of a
   * million rows holds a million row locks in one transaction, and on a server with the default 128
   * MiB buffer pool InnoDB aborts the server when lock heaps pass 95 % of it.
   */
  void makeDue(int from, int count) throws SQLException {
    try (Statement s = admin.createStatement()) {
      for (int start = from; start < from + count; start += SEED_CHUNK) {
        int end = Math.min(from + count, start + SEED_CHUNK) - 1;
        s.executeUpdate(
            "UPDATE "
                + name
                + ".delivery SET due_at = UTC_TIMESTAMP(6) WHERE id BETWEEN "
                + (FIRST_SEEDED_ID + start)
                + " AND "
                + (FIRST_SEEDED_ID + end));
      }
    }
  }

  long count(String sql) throws SQLException {
    try (Statement s = admin.createStatement();
        ResultSet rs = s.executeQuery(sql.replace("{db}", name))) {
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

  private static final String[] COUNTERS = {
    "Questions", "Com_select", "Com_insert", "Com_update", "Com_commit"
  };

  /** Server-wide statement counters: other databases' work on this server is in them too. */
  Map<String, Long> serverStatus() throws SQLException {
    Map<String, Long> values = new LinkedHashMap<>();
    try (Statement s = admin.createStatement();
        ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS")) {
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

  /**
   * Selects, writes (insert, update, delete), other statements and commits of the application's
   * user.
   */
  Map<String, Long> userStatistics() throws SQLException {
    Map<String, Long> values = new LinkedHashMap<>();
    try (PreparedStatement s =
        admin.prepareStatement(
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
