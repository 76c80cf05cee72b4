package com.kompaas.webhooks.delivery.control;

import static com.kompaas.webhooks.platform.control.TransactionJdbc.placeholders;
import static com.kompaas.webhooks.platform.control.TransactionJdbc.setInstant;
import static com.kompaas.webhooks.platform.control.TransactionJdbc.setInteger;

import com.kompaas.webhooks.delivery.entity.Attempt;
import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import com.kompaas.webhooks.platform.control.MultiRow;
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
 * deliveries, insert its attempts, update the deliveries they moved on. Three statements for a
 * whole batch (multi-row, see {@link MultiRow}), with no entity loaded or flushed.
 */
final class AttemptRows {

  /** A locked delivery: what decides whether an attempt may still move it on. */
  record Locked(DeliveryStatus status, long token, int attempts) {}

  /** An attempt row to insert, with its id already drawn. */
  record NewAttempt(long id, Attempt attempt) {}

  private static final String INSERT_HEAD =
      "INSERT INTO attempt (id, delivery_id, account_id, number, manual, started_at, duration_ms,"
          + " request_method, request_url, request_headers, request_body, response_status, response_headers,"
          + " response_body, response_truncated, outcome, error, error_detail) VALUES ";

  private static final String INSERT_TUPLE = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** A column an attempt sets on its delivery, each row its own value. */
  private record Updated(String column, Setter value) {}

  @FunctionalInterface
  private interface Setter {
    void set(PreparedStatement statement, int index, AttemptEffect effect) throws SQLException;
  }

  /** What an attempt changes on its delivery, row by row. */
  private static final List<Updated> UPDATED = List.of(
      new Updated("status", (st, i, e) -> st.setString(i, e.status().name())),
      new Updated("due_at", (st, i, e) -> setInstant(st, i, e.dueAt())),
      new Updated("attempts", (st, i, e) -> st.setInt(i, e.attempts())),
      new Updated("last_attempt_at", (st, i, e) -> setInstant(st, i, e.lastAttemptAt())),
      new Updated("last_status_code", (st, i, e) -> setInteger(st, i, e.lastStatusCode())),
      new Updated("last_error", (st, i, e) -> st.setString(i, e.lastError() == null ? null : e.lastError().name())),
      new Updated("updated_at", (st, i, e) -> setInstant(st, i, e.lastAttemptAt()))); // as the attempt's end

  private static final List<String> UPDATED_COLUMNS = UPDATED.stream().map(Updated::column).toList();

  private static final String UPDATED_ALIKE = "manual_resend = FALSE, version = version + 1";

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

  /** One multi-row statement per chunk of attempts ({@link MultiRow}). */
  static void insert(Connection connection, List<NewAttempt> attempts) throws SQLException {
    MultiRow.insert(connection, INSERT_HEAD, INSERT_TUPLE, attempts, AttemptRows::chars, (insert, first, row) -> {
      Attempt a = row.attempt();
      int i = first;
      insert.setLong(i++, row.id());
      insert.setLong(i++, a.getDeliveryId());
      insert.setString(i++, a.getAccountId());
      insert.setInt(i++, a.getNumber());
      insert.setBoolean(i++, a.isManual());
      setInstant(insert, i++, a.getStartedAt());
      insert.setLong(i++, a.getDurationMs());
      insert.setString(i++, a.getRequestMethod());
      insert.setString(i++, a.getRequestUrl());
      insert.setString(i++, a.getRequestHeaders());
      insert.setString(i++, a.getRequestBody());
      setInteger(insert, i++, a.getResponseStatus());
      insert.setString(i++, a.getResponseHeaders());
      insert.setString(i++, a.getResponseBody());
      insert.setBoolean(i++, a.isResponseTruncated());
      insert.setString(i++, a.getOutcome().name());
      insert.setString(i++, a.getError() == null ? null : a.getError().name());
      insert.setString(i++, a.getErrorDetail());
      return i;
    });
  }

  private static long chars(NewAttempt row) {
    Attempt a = row.attempt();
    return 128 + MultiRow.length(a.getRequestUrl()) + MultiRow.length(a.getRequestHeaders())
        + MultiRow.length(a.getRequestBody()) + MultiRow.length(a.getResponseHeaders())
        + MultiRow.length(a.getResponseBody()) + MultiRow.length(a.getErrorDetail());
  }

  /**
   * One statement per chunk of deliveries: each column set by a {@code CASE id} over the chunk
   * ({@link MultiRow#updateSql}); the rows are locked already ({@link #lock}).
   */
  static void update(Connection connection, Map<Long, AttemptEffect> effects) throws SQLException {
    for (List<Map.Entry<Long, AttemptEffect>> chunk : MultiRow.chunks(List.copyOf(effects.entrySet()), e -> 64)) {
      try (PreparedStatement update =
          connection.prepareStatement(MultiRow.updateSql("delivery", UPDATED_COLUMNS, UPDATED_ALIKE, chunk.size()))) {
        int i = 1;
        for (Updated updated : UPDATED) {
          for (Map.Entry<Long, AttemptEffect> entry : chunk) {
            update.setLong(i++, entry.getKey());
            updated.value().set(update, i++, entry.getValue());
          }
        }
        for (Map.Entry<Long, AttemptEffect> entry : chunk) {
          update.setLong(i++, entry.getKey());
        }
        update.executeUpdate();
      }
    }
  }
}
