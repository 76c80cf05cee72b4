package com.kompaas.webhooks.intake.control;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a database's refusal of an event's own content from an outage. The parser is meant to
 * refuse everything the database cannot hold, but should something slip past it, a SQL data
 * exception (SQLSTATE class 22: a value too long, out of range, not a valid date) would otherwise be
 * retried for ever like a lost connection, and pause every other event with the intake's back-off.
 * Anything else, including unique-key violations (a twin stored at the same moment by another
 * instance, which the retry finds stored), is taken for infrastructure and retried.
 */
public final class RefusedData {

  private RefusedData() {}

  /** @return the database's words, if somewhere in the causes it refused the data itself */
  public static Optional<String> reason(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException e = sql; e != null && (e == sql || seen.put(e, true) == null); e = e.getNextException()) {
          if (e instanceof SQLDataException || (e.getSQLState() != null && e.getSQLState().startsWith("22"))) {
            return Optional.of(e.getMessage());
          }
        }
      }
    }
    return Optional.empty();
  }
}
