package com.kompaas.webhooks.delivery.control;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a write the database refused because of what was written (SQLSTATE class 22, a data
 * exception such as "Data too long", or 23, a violated constraint) from one that failed for an
 * infrastructure reason (a lost connection, a deadlock, a timeout). Writing the same row again
 * cures only the second kind; the first needs a different row.
 */
final class DataRefusal {

  /** The database's reason, as much as an error detail keeps of it. */
  static final int MAX_REASON_LENGTH = 300;

  private DataRefusal() {}

  /**
   * @return the database's reason if {@code failure}, or one of its causes, is a data refusal;
   *     empty for every other failure
   */
  static Optional<String> reason(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
      if (t instanceof SQLException sql && refusedForData(sql)) {
        return Optional.of(describe(sql));
      }
    }
    return Optional.empty();
  }

  private static Throwable next(Throwable t) {
    if (t.getCause() != null) {
      return t.getCause();
    }
    // a batch's own failure may hang on the chain of SQL exceptions rather than be its cause
    return t instanceof SQLException sql ? sql.getNextException() : null;
  }

  private static boolean refusedForData(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLDataException || e instanceof SQLIntegrityConstraintViolationException
        || (state != null && (state.startsWith("22") || state.startsWith("23")));
  }

  /** The message's first line, without the driver's connection prefix, printable and short. */
  private static String describe(SQLException e) {
    String message = e.getMessage() == null ? "SQLSTATE " + e.getSQLState() : e.getMessage();
    int lineEnd = message.indexOf('\n');
    message = lineEnd < 0 ? message : message.substring(0, lineEnd);
    message = message.replaceFirst("^\\(conn=\\d+\\)\\s*", "").replaceAll("\\p{Cntrl}", " ").strip();
    return message.length() <= MAX_REASON_LENGTH ? message : message.substring(0, MAX_REASON_LENGTH) + "…";
  }
}
