package com.kompaas.webhooks.delivery.control;

import static com.kompaas.webhooks.platform.control.TransactionJdbc.placeholders;
import static com.kompaas.webhooks.platform.control.TransactionJdbc.setInstant;
import static com.kompaas.webhooks.platform.control.TransactionJdbc.setInteger;

import com.kompaas.webhooks.delivery.entity.DeliveryError;
import com.kompaas.webhooks.delivery.entity.DeliveryState;
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
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The delivery table's statements on the hot paths, in plain JDBC on the transaction's connection:
 * fan-out's inserts, and the reading, locking and writing of a delivery's {@link DeliveryState},
 * which fan-out, the scheduler, the senders and the attempt writer change only through {@link
 * com.kompaas.webhooks.delivery.entity.DeliveryTransitions}. The state's columns are listed once,
 * here ({@link #STATE_COLUMNS}); {@code DeliveryRowsSchemaIT} checks them against the migrated
 * schema.
 */
public final class DeliveryRows {

  /** A delivery to create for an event, with its id already drawn. */
  public record NewDelivery(long id, long webhookId, Event event) {}

  /**
   * A delivery's state as locked, its next state, and when it changed ({@code updated_at}); only
   * the columns that differ are written.
   */
  public record Change(DeliveryState before, DeliveryState state, Instant at) {}

  /** A row the scheduler found due: what its hand-out needs beside the state. */
  public record Due(long id, long webhookId, String accountId, long eventId, DeliveryState state) {}

  /** One column of {@link DeliveryState}: its name, its value in a state, how it is bound. */
  private record Column(String name, Function<DeliveryState, Object> value, Binder binder) {}

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement, int index, DeliveryState state) throws SQLException;
  }

  /** The state's columns, in the order {@link #state} reads them. */
  private static final List<Column> STATE =
      List.of(
          new Column(
              "status", DeliveryState::status, (st, i, s) -> st.setString(i, s.status().name())),
          new Column(
              "dispatch_token", DeliveryState::token, (st, i, s) -> st.setLong(i, s.token())),
          new Column("due_at", DeliveryState::dueAt, (st, i, s) -> setInstant(st, i, s.dueAt())),
          new Column("attempts", DeliveryState::attempts, (st, i, s) -> st.setInt(i, s.attempts())),
          new Column(
              "manual_resend",
              DeliveryState::manualResend,
              (st, i, s) -> st.setBoolean(i, s.manualResend())),
          new Column(
              "last_attempt_at",
              DeliveryState::lastAttemptAt,
              (st, i, s) -> setInstant(st, i, s.lastAttemptAt())),
          new Column(
              "last_status_code",
              DeliveryState::lastStatusCode,
              (st, i, s) -> setInteger(st, i, s.lastStatusCode())),
          new Column(
              "last_error",
              DeliveryState::lastError,
              (st, i, s) -> st.setString(i, s.lastError() == null ? null : s.lastError().name())));

  static final List<String> STATE_COLUMNS = STATE.stream().map(Column::name).toList();

  /** The columns fan-out inserts a delivery with, in the order {@link #insertClaimed} sets them. */
  private static final List<String> INSERTED =
      List.of(
          "id",
          "version",
          "account_id",
          "webhook_id",
          "event_id",
          "event_type",
          "external_event_id",
          "status",
          "due_at",
          "dispatch_token",
          "attempts",
          "manual_resend",
          "created_at",
          "updated_at");

  /** The webhook columns fan-out reads, and the two it filters on beside the account and type. */
  private static final List<String> WEBHOOK_READ =
      List.of("id", "version", "account_id", "event_type");

  /** The event columns a hand-out reads, in the order {@link #events} reads them. */
  private static final List<String> EVENT_READ =
      List.of("id", "account_id", "external_id", "type", "occurred_at", "received_at", "data");

  /** Every column the statements here name, by table, for the schema check. */
  static final Map<String, List<String>> COLUMNS =
      Map.of(
          "delivery",
              Stream.of(INSERTED, STATE_COLUMNS, List.of("updated_at"))
                  .flatMap(List::stream)
                  .toList(),
          "webhook",
              Stream.concat(WEBHOOK_READ.stream(), Stream.of("enabled", "deleted_at")).toList(),
          "event", EVENT_READ);

  private static final String STATE_SELECT = String.join(", ", STATE_COLUMNS);

  private DeliveryRows() {}

  /**
   * The enabled webhooks of some accounts and event types, as {@link EnabledWebhooks} reads them:
   * every pair of the two lists, so possibly pairs no event has. Deleted ones are switched off as
   * well; the query says so too.
   */
  static List<Object[]> enabledWebhooks(
      Connection connection, List<String> accountIds, List<String> eventTypes) throws SQLException {
    List<Object[]> rows = new ArrayList<>(accountIds.size());
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + String.join(", ", WEBHOOK_READ)
                + " FROM webhook WHERE account_id IN ("
                + placeholders(accountIds.size())
                + ") AND event_type IN ("
                + placeholders(eventTypes.size())
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
          rows.add(
              new Object[] {row.getLong(1), row.getLong(2), row.getString(3), row.getString(4)});
        }
      }
    }
    return rows;
  }

  /**
   * The events of these ids, as written (no persistence context), by id; a missing one is absent.
   */
  static Map<Long, Event> events(Connection connection, List<Long> ids) throws SQLException {
    List<Long> distinct = ids.stream().distinct().toList();
    Map<Long, Event> events = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + String.join(", ", EVENT_READ)
                + " FROM event WHERE id IN ("
                + placeholders(distinct.size())
                + ")")) {
      for (int i = 0; i < distinct.size(); i++) {
        select.setLong(i + 1, distinct.get(i));
      }
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          events.put(
              row.getLong(1),
              Event.written(
                  row.getLong(1),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4),
                  TransactionJdbc.instant(row, 5),
                  TransactionJdbc.instant(row, 6),
                  row.getString(7)));
        }
      }
    }
    return events;
  }

  /**
   * Inserts deliveries claimed at creation ({@link DeliveryState#claimedAtCreation}): SENDING under
   * {@code token}, leased until {@code leaseUntil}, so the instance that creates them sends them
   * with no claim of its own.
   */
  static void insertClaimed(
      Connection connection,
      List<NewDelivery> deliveries,
      long token,
      Instant now,
      Instant leaseUntil)
      throws SQLException {
    MultiRow.insert(
        connection,
        "INSERT INTO delivery (" + String.join(", ", INSERTED) + ") VALUES ",
        "(?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 0, FALSE, ?, ?)",
        deliveries,
        delivery -> 256,
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

  /** The state of the row at {@code first}, as {@link #STATE_SELECT} lists it. */
  private static DeliveryState state(ResultSet row, int first) throws SQLException {
    int i = first;
    DeliveryStatus status = DeliveryStatus.valueOf(row.getString(i++));
    long token = row.getLong(i++);
    Instant dueAt = TransactionJdbc.instant(row, i++);
    int attempts = row.getInt(i++);
    boolean manual = row.getBoolean(i++);
    Instant lastAttemptAt = TransactionJdbc.instant(row, i++);
    int code = row.getInt(i++);
    Integer lastStatusCode = row.wasNull() ? null : code;
    String error = row.getString(i);
    return new DeliveryState(
        status,
        token,
        dueAt,
        attempts,
        manual,
        lastAttemptAt,
        lastStatusCode,
        error == null ? null : DeliveryError.valueOf(error));
  }

  /**
   * Reads and locks the deliveries, in id order (the order every batch locks them in, so two
   * writers cannot deadlock on each other's rows); ids that are gone are missing from the map.
   */
  static Map<Long, DeliveryState> lock(Connection connection, List<Long> ids) throws SQLException {
    List<Long> sorted = ids.stream().distinct().sorted().toList();
    Map<Long, DeliveryState> locked = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, "
                + STATE_SELECT
                + " FROM delivery WHERE id IN ("
                + placeholders(sorted.size())
                + ") ORDER BY id FOR UPDATE")) {
      for (int i = 0; i < sorted.size(); i++) {
        select.setLong(i + 1, sorted.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          locked.put(rows.getLong(1), state(rows, 2));
        }
      }
    }
    return locked;
  }

  /**
   * The deliveries in {@code status} due by {@code dueBy}, oldest first, at most {@code limit},
   * locked; rows another transaction holds are skipped, so several schedulers take disjoint sets.
   */
  static List<Due> due(Connection connection, DeliveryStatus status, Instant dueBy, int limit)
      throws SQLException {
    List<Due> due = new ArrayList<>();
    if (limit <= 0) {
      return due;
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, webhook_id, account_id, event_id, "
                + STATE_SELECT
                + " FROM delivery WHERE status = ? AND due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
      select.setString(1, status.name());
      setInstant(select, 2, dueBy);
      select.setInt(3, limit);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          due.add(
              new Due(
                  row.getLong(1), row.getLong(2), row.getString(3), row.getLong(4), state(row, 5)));
        }
      }
    }
    return due;
  }

  /**
   * Writes the deliveries' next states, one statement per chunk: each column that changed in any
   * row of the chunk set by a {@code CASE id} over the chunk ({@link MultiRow#updateSql}), and
   * {@code updated_at}. A claim thus writes its status, token and lease; an attempt what it moved.
   * The rows are locked already ({@link #lock}, {@link #due}).
   */
  static void write(Connection connection, Map<Long, Change> changes) throws SQLException {
    for (List<Map.Entry<Long, Change>> chunk :
        MultiRow.chunks(List.copyOf(changes.entrySet()), e -> 64)) {
      List<Column> changed =
          STATE.stream()
              .filter(
                  column ->
                      chunk.stream()
                          .map(Map.Entry::getValue)
                          .anyMatch(
                              c ->
                                  !Objects.equals(
                                      column.value().apply(c.before()),
                                      column.value().apply(c.state()))))
              .toList();
      List<String> names =
          Stream.concat(changed.stream().map(Column::name), Stream.of("updated_at")).toList();
      try (PreparedStatement update =
          connection.prepareStatement(
              MultiRow.updateSql("delivery", names, "version = version + 1", chunk.size()))) {
        int i = 1;
        for (Column column : changed) {
          for (Map.Entry<Long, Change> entry : chunk) {
            update.setLong(i++, entry.getKey());
            column.binder().bind(update, i++, entry.getValue().state());
          }
        }
        for (Map.Entry<Long, Change> entry : chunk) {
          update.setLong(i++, entry.getKey());
          setInstant(update, i++, entry.getValue().at());
        }
        for (Map.Entry<Long, Change> entry : chunk) {
          update.setLong(i++, entry.getKey());
        }
        update.executeUpdate();
      }
    }
  }
}
