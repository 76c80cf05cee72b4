package com.kompaas.webhooks.delivery.control;

import static com.kompaas.webhooks.platform.control.TransactionJdbc.placeholders;
import static com.kompaas.webhooks.platform.control.TransactionJdbc.setInstant;
import static com.kompaas.webhooks.platform.control.TransactionJdbc.setInteger;

import com.kompaas.webhooks.delivery.entity.Attempt;
import com.kompaas.webhooks.platform.control.MultiRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The attempt table's statements on the attempt writer's path, in plain JDBC on the transaction's
 * connection: look for rows a retried write may have committed already, and insert a batch's
 * attempts as multi-row statements ({@link MultiRow}), with no entity loaded or flushed. The
 * deliveries they move on are locked and written by {@link DeliveryRows}.
 */
final class AttemptRows {

  /** An attempt row to insert, with its id already drawn. */
  record NewAttempt(long id, Attempt attempt) {}

  /** The columns an attempt row is inserted with, in the order {@link #insert} sets them. */
  static final List<String> COLUMNS =
      List.of(
          "id",
          "delivery_id",
          "account_id",
          "number",
          "manual",
          "started_at",
          "duration_ms",
          "request_method",
          "request_url",
          "request_headers",
          "request_body",
          "response_status",
          "response_headers",
          "response_body",
          "response_truncated",
          "outcome",
          "error",
          "error_detail");

  private static final String INSERT_HEAD =
      "INSERT INTO attempt (" + String.join(", ", COLUMNS) + ") VALUES ";

  private static final String INSERT_TUPLE = "(" + placeholders(COLUMNS.size()) + ")";

  private AttemptRows() {}

  /** The ids among these attempts' that have a row already. */
  static Set<Long> existing(Connection connection, List<NewAttempt> attempts) throws SQLException {
    Set<Long> found = new HashSet<>();
    if (attempts.isEmpty()) {
      return found;
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id FROM attempt WHERE id IN (" + placeholders(attempts.size()) + ")")) {
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
    MultiRow.insert(
        connection,
        INSERT_HEAD,
        INSERT_TUPLE,
        attempts,
        AttemptRows::chars,
        (insert, first, row) -> {
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
    return 128
        + MultiRow.length(a.getRequestUrl())
        + MultiRow.length(a.getRequestHeaders())
        + MultiRow.length(a.getRequestBody())
        + MultiRow.length(a.getResponseHeaders())
        + MultiRow.length(a.getResponseBody())
        + MultiRow.length(a.getErrorDetail());
  }
}
