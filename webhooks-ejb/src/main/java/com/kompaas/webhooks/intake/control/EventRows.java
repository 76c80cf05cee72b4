package com.kompaas.webhooks.intake.control;

import static com.kompaas.webhooks.platform.control.TransactionJdbc.setInstant;

import com.kompaas.webhooks.intake.entity.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The intake's statements on the event table, in plain JDBC on the transaction's connection. */
public final class EventRows {

  private EventRows() {}

  /** The id of the stored event with this producer id, if there is one. */
  public static Optional<Long> find(Connection connection, String accountId, String externalId) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT id FROM event WHERE account_id = ? AND external_id = ? LIMIT 1")) {
      select.setString(1, accountId);
      select.setString(2, externalId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Inserts the event under its id; a twin stored meanwhile fails it on the unique key. */
  public static void insert(Connection connection, Event event) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO event (id, account_id, external_id, type, occurred_at, received_at, data)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, event.getId());
      insert.setString(2, event.getAccountId());
      insert.setString(3, event.getExternalId());
      insert.setString(4, event.getType());
      setInstant(insert, 5, event.getOccurredAt());
      setInstant(insert, 6, event.getReceivedAt());
      insert.setString(7, event.getData());
      insert.executeUpdate();
    }
  }
}
