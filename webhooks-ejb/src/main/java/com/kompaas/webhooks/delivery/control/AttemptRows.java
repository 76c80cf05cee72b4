package com.kompaas.webhooks.delivery.control;

import static com.kompaas.webhooks.platform.control.TransactionJdbc.placeholders;
import static com.kompaas.webhooks.platform.control.TransactionJdbc.setInstant;
import static com.kompaas.webhooks.platform.control.TransactionJdbc.setInteger;

import com.kompaas.webhooks.delivery.entity.Attempt;
import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attempt writer's statements, in plain JDBC on the transaction's connection: lock the batch's
 * deliveries, insert its attempts, update the deliveries they moved on. Three round trips for a
 * whole batch, with no entity loaded or flushed.
 */
final class AttemptRows {

  /** A locked delivery: what decides whether an attempt may still move it on. */
  record Locked(DeliveryStatus status, long token, int attempts) {}

  /** An attempt row to insert, with its id already drawn. */
  record NewAttempt(long id, Attempt attempt) {}

  private static final String INSERT =
      "INSERT INTO attempt (id, delivery_id, account_id, number, manual, started_at, duration_ms,"
          + " request_method, request_url, request_headers, request_body, response_status, response_headers,"
          + " response_body, response_truncated, outcome, error, error_detail)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String UPDATE =
      "UPDATE delivery SET status = ?, due_at = ?, attempts = ?, last_attempt_at = ?, last_status_code = ?,"
          + " last_error = ?, manual_resend = FALSE, updated_at = ?, version = version + 1 WHERE id = ?";

  private AttemptRows() {}

  /**
   * Reads and locks the deliveries, in id order (the order every batch locks them in, so two
   * writers cannot deadlock on each other's rows); ids that are gone are missing from the map.
   */
  static Map<Long, Locked> lock(Connection connection, List<Long> ids) throws SQLException {
    List<Long> sorted = ids.stream().distinct().sorted().toList();
    Map<Long, Locked> locked = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, status, dispatch_token, attempts FROM delivery WHERE id IN (" + placeholders(sorted.size())
                + ") ORDER BY id FOR UPDATE")) {
      for (int i = 0; i < sorted.size(); i++) {
        select.setLong(i + 1, sorted.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          locked.put(rows.getLong(1),
              new Locked(DeliveryStatus.valueOf(rows.getString(2)), rows.getLong(3), rows.getInt(4)));
        }
      }
    }
    return locked;
  }

  /** The ids among these attempts' that have a row already. */
  static Set<Long> existing(Connection connection, List<NewAttempt> attempts) throws SQLException {
    Set<Long> found = new HashSet<>();
    if (attempts.isEmpty()) {
      return found;
    }
    try (PreparedStatement select =
        connection.prepareStatement("SELECT id FROM attempt WHERE id IN (" + placeholders(attempts.size()) + ")")) {
      for (int i = 0; i < attempts.size(); i++) {
        select.setLong(i + 1, attempts.get(i).id());
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getLong(1));
        }
      }
    }
    return found;
  }

  static void insert(Connection connection, List<NewAttempt> attempts) throws SQLException {
    if (attempts.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (NewAttempt row : attempts) {
        Attempt a = row.attempt();
        int i = 0;
        insert.setLong(++i, row.id());
        insert.setLong(++i, a.getDeliveryId());
        insert.setString(++i, a.getAccountId());
        insert.setInt(++i, a.getNumber());
        insert.setBoolean(++i, a.isManual());
        setInstant(insert, ++i, a.getStartedAt());
        insert.setLong(++i, a.getDurationMs());
        insert.setString(++i, a.getRequestMethod());
        insert.setString(++i, a.getRequestUrl());
        insert.setString(++i, a.getRequestHeaders());
        insert.setString(++i, a.getRequestBody());
        setInteger(insert, ++i, a.getResponseStatus());
        insert.setString(++i, a.getResponseHeaders());
        insert.setString(++i, a.getResponseBody());
        insert.setBoolean(++i, a.isResponseTruncated());
        insert.setString(++i, a.getOutcome().name());
        insert.setString(++i, a.getError());
        insert.setString(++i, a.getErrorDetail());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  static void update(Connection connection, Map<Long, AttemptEffect> effects) throws SQLException {
    if (effects.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
      for (Map.Entry<Long, AttemptEffect> entry : effects.entrySet()) {
        AttemptEffect effect = entry.getValue();
        int i = 0;
        update.setString(++i, effect.status().name());
        setInstant(update, ++i, effect.dueAt());
        update.setInt(++i, effect.attempts());
        setInstant(update, ++i, effect.lastAttemptAt());
        setInteger(update, ++i, effect.lastStatusCode());
        update.setString(++i, effect.lastError());
        setInstant(update, ++i, effect.lastAttemptAt()); // updated_at, as the attempt's end
        update.setLong(++i, entry.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
  }
}
