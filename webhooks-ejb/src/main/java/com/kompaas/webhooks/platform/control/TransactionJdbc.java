package com.kompaas.webhooks.platform.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.id.IdentifierGenerator;
import org.hibernate.jdbc.ReturningWork;

/**
 * Plain JDBC on the current transaction's own connection, for the hot paths (intake, the attempt
 * writer) where the persistence context costs more than it gives: no entity to hydrate, snapshot,
 * dirty-check and flush for rows that are written once. What is written this way commits or rolls
 * back with everything else in the transaction.
 *
 * <p>Ids come from the entity's own Hibernate generator, so rows written here and rows persisted
 * through the entity manager draw from one pooled sequence and never collide.
 */
@Dependent
public class TransactionJdbc {

  @PersistenceContext EntityManager em;

  /**
   * Runs {@code work} on the transaction's connection; an {@link SQLException} becomes a rollback.
   */
  public <T> T work(ReturningWork<T> work) {
    return em.unwrap(Session.class).doReturningWork(work);
  }

  /** A new id for a row of {@code entity}, from the generator Hibernate uses for it. */
  public long nextId(Class<?> entity) {
    var session = em.unwrap(SharedSessionContractImplementor.class);
    var generator =
        (IdentifierGenerator)
            session.getFactory().getMappingMetamodel().getEntityDescriptor(entity).getGenerator();
    return ((Number) generator.generate(session, null)).longValue();
  }

  /**
   * An instant as the DATETIME(6) columns hold it: UTC, as Hibernate writes them ({@code
   * hibernate.jdbc.time_zone}).
   */
  public static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Reads a DATETIME(6) column written in UTC; null stays null. */
  public static Instant instant(java.sql.ResultSet row, int index) throws SQLException {
    LocalDateTime value = row.getObject(index, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  /** Sets a DATETIME(6) parameter, in UTC; null as SQL NULL. */
  public static void setInstant(PreparedStatement statement, int index, Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP);
    } else {
      statement.setObject(index, utc(value));
    }
  }

  /** Sets an INT parameter; null as SQL NULL. */
  public static void setInteger(PreparedStatement statement, int index, Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  /** {@code ?, ?, ?} for an IN list of {@code n} values. */
  public static String placeholders(int n) {
    return "?" + ", ?".repeat(Math.max(0, n - 1));
  }
}
