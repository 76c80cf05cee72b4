package com.kompaas.webhooks.platform.control;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a write the database refused because of what was written from one that failed for an
 * infrastructure reason (a lost connection, a deadlock, a timeout). Writing the same rows again
 * cures only the second kind, so only the second kind is retried; the first must end somewhere
 * visible (a dead letter, an attempt summary) instead of looping.
 *
 * <p>Two readings, because a violated constraint means different things to the two writers: to
 * intake it is usually a twin stored by another instance at the same moment, which a retry finds
 * stored ({@link #ofData}); to the attempt writer it is a row that can never be written as it is
 * ({@link #ofDataOrConstraint}).
 */
public final class DatabaseRefusal {

  /** The database's reason, as much as an error detail keeps of it. */
  public static final int MAX_REASON_LENGTH = 300;

  private DatabaseRefusal() {}

  /**
   * @return the database's reason if {@code failure} or one of its causes is a data exception
   *     (SQLSTATE class 22: a value too long, out of range, not a valid date); empty otherwise
   */
  public static Optional<String> ofData(Throwable failure) {
    return find(failure, false);
  }

  /**
   * @return the database's reason if {@code failure} or one of its causes is a data exception or a
   *     violated constraint (SQLSTATE class 22 or 23); empty otherwise
   */
  public static Optional<String> ofDataOrConstraint(Throwable failure) {
    return find(failure, true);
  }

  private static Optional<String> find(Throwable failure, boolean constraints) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
      if (t instanceof SQLException sql && refused(sql, constraints)) {
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

  private static boolean refused(SQLException e, boolean constraints) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    boolean data = e instanceof SQLDataException || state.startsWith("22");
    boolean constraint =
        e instanceof SQLIntegrityConstraintViolationException || state.startsWith("23");
    return data || (constraints && constraint);
  }

  /** The message's first line, without the driver's connection prefix, printable and short. */
  private static String describe(SQLException e) {
    String message = e.getMessage() == null ? "SQLSTATE " + e.getSQLState() : e.getMessage();
    int lineEnd = message.indexOf('\n');
    message = lineEnd < 0 ? message : message.substring(0, lineEnd);
    message =
        message.replaceFirst("^\\(conn=\\d+\\)\\s*", "").replaceAll("\\p{Cntrl}", " ").strip();
    return message.length() <= MAX_REASON_LENGTH
        ? message
        : message.substring(0, MAX_REASON_LENGTH) + "…";
  }
}
