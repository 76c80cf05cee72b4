package com.kompaas.webhooks.intake.control;

import static com.kompaas.webhooks.platform.control.TransactionJdbc.setInstant;

import com.kompaas.webhooks.event.entity.Event;
import com.kompaas.webhooks.platform.control.MultiRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The intake's statements on the event table, in plain JDBC on the transaction's connection. */
public final class EventRows {

  private EventRows() {}

  /**
   * The ids of the stored events among these (account, producer id) pairs, in one query.
   *
   * @return by {@link #key(String, String)}
   */
  public static Map<String, Long> find(Connection connection, List<Event> events)
      throws SQLException {
    Map<String, Long> stored = new HashMap<>();
    if (events.isEmpty()) {
      return stored;
    }
    // an OR of equalities on the unique key: ranges on its index
    String where =
        "(account_id = ? AND external_id = ?)"
            + " OR (account_id = ? AND external_id = ?)".repeat(events.size() - 1);
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT account_id, external_id, id FROM event WHERE " + where)) {
      int i = 0;
      for (Event event : events) {
        select.setString(++i, event.getAccountId());
        select.setString(++i, event.getExternalId());
      }
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          stored.put(key(row.getString(1), row.getString(2)), row.getLong(3));
        }
      }
    }
    return stored;
  }

  /** What identifies an event: its account and the producer's id. */
  public static String key(String accountId, String externalId) {
    return accountId + '\u0000' + externalId;
  }

  /**
   * Inserts the events under their ids, in one multi-row statement per chunk ({@link MultiRow}); a
   * twin already stored fails it on the unique key (and with it the transaction).
   */
  public static void insert(Connection connection, List<Event> events) throws SQLException {
    MultiRow.insert(
        connection,
        "INSERT INTO event (id, account_id, external_id, type, occurred_at, received_at, data) VALUES ",
        "(?, ?, ?, ?, ?, ?, ?)",
        events,
        event -> 64 + MultiRow.length(event.getExternalId()) + MultiRow.length(event.getData()),
        (insert, first, event) -> {
          int i = first;
          insert.setLong(i++, event.getId());
          insert.setString(i++, event.getAccountId());
          insert.setString(i++, event.getExternalId());
          insert.setString(i++, event.getType());
          setInstant(insert, i++, event.getOccurredAt());
          setInstant(insert, i++, event.getReceivedAt());
          insert.setString(i++, event.getData());
          return i;
        });
  }
}
