package com.kompaas.webhooks.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Writes many rows with few statements: one {@code INSERT … VALUES (…), (…), …} per chunk of rows,
 * or one {@code UPDATE … SET c = CASE id WHEN … END … WHERE id IN (…)}. The driver's batches send
 * one statement per row (MariaDB Connector/J pipelines them, but the server still parses, plans and
 * executes each on its own); one statement for a whole chunk is what makes the batch cheap on the
 * database's side too.
 *
 * <p>A chunk holds at most {@link #MAX_ROWS} rows and about {@link #MAX_CHARS} characters of
 * values, so that a statement stays far below MariaDB's {@code max_allowed_packet} (16 MiB by
 * default) even when every row carries a large request or response body.
 */
public final class MultiRow {

  /** Rows per statement at most. */
  static final int MAX_ROWS = 200;

  /** Characters of values per statement at most (a row always fits, however large). */
  static final long MAX_CHARS = 2L * 1024 * 1024;

  /** Sets one row's parameters from {@code first} on; returns the index after its last. */
  @FunctionalInterface
  public interface Binder<T> {
    int bind(PreparedStatement statement, int first, T row) throws SQLException;
  }

  private MultiRow() {}

  /**
   * Inserts {@code rows} with {@code head} ({@code INSERT INTO t (a, b) VALUES }) and one copy of
   * {@code tuple} ({@code (?, ?)}) per row.
   *
   * @param chars a row's size in characters, roughly (its text values' lengths)
   */
  public static <T> void insert(
      Connection connection,
      String head,
      String tuple,
      List<T> rows,
      ToLongFunction<T> chars,
      Binder<T> binder)
      throws SQLException {
    for (List<T> chunk : chunks(rows, chars)) {
      try (PreparedStatement insert =
          connection.prepareStatement(insertSql(head, tuple, chunk.size()))) {
        int index = 1;
        for (T row : chunk) {
          index = binder.bind(insert, index, row);
        }
        insert.executeUpdate();
      }
    }
  }

  /** {@code head} followed by {@code n} copies of {@code tuple}, comma-separated. */
  static String insertSql(String head, String tuple, int n) {
    StringBuilder sql = new StringBuilder(head.length() + n * (tuple.length() + 2));
    sql.append(head);
    for (int i = 0; i < n; i++) {
      sql.append(i == 0 ? "" : ", ").append(tuple);
    }
    return sql.toString();
  }

  /**
   * {@code UPDATE table SET c1 = CASE id WHEN ? THEN ? … END, …, fixed WHERE id IN (?, …)} for
   * {@code n} rows: per row, its id and value for each of {@code columns} (in that order, in each
   * CASE), then the ids again for the IN list. {@code fixed} ({@code a = b, c = d + 1}) applies to
   * every row alike.
   */
  public static String updateSql(String table, List<String> columns, String fixed, int n) {
    StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
    for (int c = 0; c < columns.size(); c++) {
      sql.append(c == 0 ? "" : ", ").append(columns.get(c)).append(" = CASE id");
      for (int i = 0; i < n; i++) {
        sql.append(" WHEN ? THEN ?");
      }
      sql.append(" END");
    }
    if (!fixed.isEmpty()) {
      sql.append(", ").append(fixed);
    }
    return sql.append(" WHERE id IN (")
        .append(TransactionJdbc.placeholders(n))
        .append(')')
        .toString();
  }

  /**
   * Consecutive chunks of at most {@link #MAX_ROWS} rows and about {@link #MAX_CHARS} characters.
   */
  public static <T> List<List<T>> chunks(List<T> rows, ToLongFunction<T> chars) {
    List<List<T>> chunks = new ArrayList<>();
    List<T> chunk = new ArrayList<>();
    long size = 0;
    for (T row : rows) {
      long rowChars = chars.applyAsLong(row);
      if (!chunk.isEmpty() && (chunk.size() == MAX_ROWS || size + rowChars > MAX_CHARS)) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        size = 0;
      }
      chunk.add(row);
      size += rowChars;
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    return chunks;
  }

  /** The length of a text value, 0 for null: for a row's size. */
  public static long length(String value) {
    return value == null ? 0 : value.length();
  }
}
