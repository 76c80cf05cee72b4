package com.kompaas.webhooks.it.system;

import com.kompaas.webhooks.it.TestInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The rows system tests set up and check, over JDBC, in the database an application process uses.
 */
final class SystemRows {

  /** Opens a connection to that database. */
  @FunctionalInterface
  interface Connector {
    Connection connect() throws SQLException;
  }

  private final Connector connector;

  SystemRows(Connector connector) {
    this.connector = connector;
  }

  /** The machine's MariaDB, in the system tests' database. */
  static SystemRows systemDatabase() {
    return new SystemRows(() -> TestInfrastructure.connect(TestInfrastructure.SYSTEM_DATABASE));
  }

  /** Accounts are provisioned, not implied: the intake refuses events of unknown accounts. */
  void account(String accountId) throws SQLException {
    try (Connection c = connector.connect();
        var s =
            c.prepareStatement(
                "INSERT IGNORE INTO account (id, name, created_at) VALUES (?, ?, UTC_TIMESTAMP(6))")) {
      s.setString(1, accountId);
      s.setString(2, "Test account " + accountId);
      s.executeUpdate();
    }
  }

  /**
   * A webhook for {@code sms.incoming} as the console would save it (POST, JSON, signed, retry on),
   * with an id far above the sequence's.
   */
  long webhook(String account, String url) throws SQLException {
    long id = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
    byte[] key = new byte[32];
    ThreadLocalRandom.current().nextBytes(key);
    try (Connection c = connector.connect();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO webhook (id, version, account_id, event_type, title, url, retry_if_error, method, data_type,"
                    + " body_template, enabled, secret, created_at, updated_at) VALUES (?, 0, ?, 'sms.incoming', 'system test',"
                    + " ?, TRUE, 'POST', 'JSON', '', TRUE, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")) {
      s.setLong(1, id);
      s.setString(2, account);
      s.setString(3, url);
      s.setString(4, "whsec_" + Base64.getEncoder().encodeToString(key));
      s.executeUpdate();
    }
    return id;
  }

  /** Recorded attempts per delivery, keyed as the {@code webhook-id} header names it. */
  Map<String, Long> attemptsPerMessage(long webhookId) {
    Map<String, Long> attempts = new HashMap<>();
    try (Connection c = connector.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT a.delivery_id, COUNT(*) FROM attempt a JOIN delivery d"
                    + " ON d.id = a.delivery_id WHERE d.webhook_id = ? GROUP BY a.delivery_id")) {
      s.setLong(1, webhookId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          attempts.put("msg_" + rs.getLong(1), rs.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return attempts;
  }

  /** -1 while the database cannot be reached, so that waiting callers keep waiting. */
  long succeeded(long webhookId) {
    return count(
        "SELECT COUNT(*) FROM delivery WHERE webhook_id = ? AND status = 'SUCCEEDED'", webhookId);
  }

  long deliveries(long webhookId) {
    return count("SELECT COUNT(*) FROM delivery WHERE webhook_id = ?", webhookId);
  }

  long attemptsRecordedDelivered(long webhookId) {
    return count(
        "SELECT COUNT(DISTINCT a.delivery_id) FROM attempt a JOIN delivery d ON d.id = a.delivery_id"
            + " WHERE d.webhook_id = ? AND a.outcome = 'DELIVERED'",
        webhookId);
  }

  private long count(String sql, long webhookId) {
    try (Connection c = connector.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, webhookId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      return -1;
    }
  }
}
