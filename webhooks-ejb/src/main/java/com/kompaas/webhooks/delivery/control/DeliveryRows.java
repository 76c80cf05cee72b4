package com.kompaas.webhooks.delivery.control;

import static com.kompaas.webhooks.platform.control.TransactionJdbc.setInstant;

import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import com.kompaas.webhooks.intake.entity.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Fan-out's statements, in plain JDBC on the intake transaction's connection. */
final class DeliveryRows {

  /** A delivery to create for an event, with its id already drawn. */
  record NewDelivery(long id, long webhookId) {}

  private DeliveryRows() {}

  /** The enabled webhooks of an account and event type, as {@link EnabledWebhooks} reads them. */
  static List<Object[]> enabledWebhooks(Connection connection, String accountId, String eventType) throws SQLException {
    List<Object[]> rows = new ArrayList<>(2);
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, version FROM webhook WHERE account_id = ? AND event_type = ? AND enabled = TRUE ORDER BY id")) {
      select.setString(1, accountId);
      select.setString(2, eventType);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.add(new Object[] {row.getLong(1), row.getLong(2), accountId, eventType});
        }
      }
    }
    return rows;
  }

  /**
   * Inserts the event's deliveries, claimed at creation: SENDING under {@code token}, leased until
   * {@code leaseUntil}, so the instance that creates them sends them with no claim of its own.
   */
  static void insertClaimed(Connection connection, Event event, List<NewDelivery> deliveries, long token, Instant now,
      Instant leaseUntil) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO delivery (id, version, account_id, webhook_id, event_id, event_type, external_event_id,"
                + " status, due_at, dispatch_token, attempts, manual_resend, created_at, updated_at)"
                + " VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 0, FALSE, ?, ?)")) {
      for (NewDelivery delivery : deliveries) {
        int i = 0;
        insert.setLong(++i, delivery.id());
        insert.setString(++i, event.getAccountId());
        insert.setLong(++i, delivery.webhookId());
        insert.setLong(++i, event.getId());
        insert.setString(++i, event.getType());
        insert.setString(++i, event.getExternalId());
        insert.setString(++i, DeliveryStatus.SENDING.name());
        setInstant(insert, ++i, leaseUntil);
        insert.setLong(++i, token);
        setInstant(insert, ++i, now);
        setInstant(insert, ++i, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
