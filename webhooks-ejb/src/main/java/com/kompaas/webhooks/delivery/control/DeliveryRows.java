package com.kompaas.webhooks.delivery.control;

import static com.kompaas.webhooks.platform.control.TransactionJdbc.placeholders;
import static com.kompaas.webhooks.platform.control.TransactionJdbc.setInstant;

import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import com.kompaas.webhooks.event.entity.Event;
import com.kompaas.webhooks.platform.control.MultiRow;
import com.kompaas.webhooks.platform.control.TransactionJdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fan-out's statements, in plain JDBC on the intake transaction's connection. */
public final class DeliveryRows {

  /** A delivery to create for an event, with its id already drawn. */
  public record NewDelivery(long id, long webhookId, Event event) {}

  private DeliveryRows() {}

  /**
   * The enabled webhooks of some accounts and event types, as {@link EnabledWebhooks} reads them:
   * every pair of the two lists, so possibly pairs no event has. Deleted ones are switched off as
   * well; the query says so too.
   */
  static List<Object[]> enabledWebhooks(Connection connection, List<String> accountIds, List<String> eventTypes)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>(accountIds.size());
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, version, account_id, event_type FROM webhook WHERE account_id IN ("
                + placeholders(accountIds.size()) + ") AND event_type IN (" + placeholders(eventTypes.size())
                + ") AND enabled = TRUE AND deleted_at IS NULL")) {
      int i = 0;
      for (String account : accountIds) {
        select.setString(++i, account);
      }
      for (String type : eventTypes) {
        select.setString(++i, type);
      }
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.add(new Object[] {row.getLong(1), row.getLong(2), row.getString(3), row.getString(4)});
        }
      }
    }
    return rows;
  }

  /**
   * Inserts deliveries claimed at creation: SENDING under {@code token}, leased until {@code
   * leaseUntil}, so the instance that creates them sends them with no claim of its own.
   */
  /** The events of these ids, as written (no persistence context), by id; a missing one is absent. */
  static Map<Long, Event> events(Connection connection, List<Long> ids) throws SQLException {
    List<Long> distinct = ids.stream().distinct().toList();
    Map<Long, Event> events = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT id, account_id, external_id, type, occurred_at, received_at, data FROM event WHERE id IN ("
            + placeholders(distinct.size()) + ")")) {
      for (int i = 0; i < distinct.size(); i++) {
        select.setLong(i + 1, distinct.get(i));
      }
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          events.put(row.getLong(1), Event.written(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
              TransactionJdbc.instant(row, 5), TransactionJdbc.instant(row, 6), row.getString(7)));
        }
      }
    }
    return events;
  }

  static void insertClaimed(Connection connection, List<NewDelivery> deliveries, long token, Instant now,
      Instant leaseUntil) throws SQLException {
    MultiRow.insert(connection,
        "INSERT INTO delivery (id, version, account_id, webhook_id, event_id, event_type, external_event_id,"
            + " status, due_at, dispatch_token, attempts, manual_resend, created_at, updated_at) VALUES ",
        "(?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 0, FALSE, ?, ?)", deliveries, delivery -> 256,
        (insert, first, delivery) -> {
          Event event = delivery.event();
          int i = first;
          insert.setLong(i++, delivery.id());
          insert.setString(i++, event.getAccountId());
          insert.setLong(i++, delivery.webhookId());
          insert.setLong(i++, event.getId());
          insert.setString(i++, event.getType());
          insert.setString(i++, event.getExternalId());
          insert.setString(i++, DeliveryStatus.SENDING.name());
          setInstant(insert, i++, leaseUntil);
          insert.setLong(i++, token);
          setInstant(insert, i++, now);
          setInstant(insert, i++, now);
          return i;
        });
  }

}
