package com.kompaas.webhooks.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.kompaas.webhooks.it.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plain-JDBC statements' column lists ({@link DeliveryRows}, {@link AttemptRows}) against the
 * schema the migrations build, on a database of this test's own: a column renamed in a migration
 * fails here, not in the hot path at run time.
 */
class DeliveryRowsSchemaIT {

  private static final String DATABASE = "webhooks_schema_it";

  @BeforeAll
  static void migrate() throws Exception {
    String admin = System.getProperty("it.db.admin-user", "root");
    String password = System.getProperty("it.db.admin-password", "");
    try (Connection c =
            DriverManager.getConnection(TestInfrastructure.jdbcUrl(""), admin, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE);
      s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    Flyway.configure()
        .dataSource(TestInfrastructure.jdbcUrl(DATABASE), admin, password)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  private static Set<String> columnsOf(String table) throws Exception {
    String admin = System.getProperty("it.db.admin-user", "root");
    String password = System.getProperty("it.db.admin-password", "");
    Set<String> columns = new HashSet<>();
    try (Connection c =
            DriverManager.getConnection(TestInfrastructure.jdbcUrl(DATABASE), admin, password);
        PreparedStatement select =
            c.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?")) {
      select.setString(1, DATABASE);
      select.setString(2, table);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          columns.add(rows.getString(1));
        }
      }
    }
    return columns;
  }

  private static List<String> missing(String table, List<String> named) throws Exception {
    Set<String> present = columnsOf(table);
    assertFalse(present.isEmpty(), "the migrations create " + table);
    List<String> missing = new ArrayList<>(named);
    missing.removeAll(present);
    return missing;
  }

  @Test
  void everyColumnTheDeliveryStatementsNameIsInTheMigratedSchema() throws Exception {
    for (Map.Entry<String, List<String>> table : DeliveryRows.COLUMNS.entrySet()) {
      assertEquals(
          List.of(), missing(table.getKey(), table.getValue()), "missing in " + table.getKey());
    }
    assertEquals(List.of(), missing("delivery", DeliveryRows.STATE_COLUMNS), "the state's columns");
  }

  @Test
  void anAttemptRowIsInsertedWithEveryColumnTheTableHasAndNoOther() throws Exception {
    assertEquals(columnsOf("attempt"), Set.copyOf(AttemptRows.COLUMNS));
  }
}
