package com.kompaas.webhooks.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseRefusalTest {

  @Test
  void aDataExceptionAnywhereInTheCausesIsTheDataItself() {
    var data = new SQLDataException("Incorrect datetime value: '10000-01-01 00:00:00'", "22007");
    var wrapped = new IllegalStateException("storing failed", new RuntimeException("jdbc", data));
    assertEquals(
        Optional.of("Incorrect datetime value: '10000-01-01 00:00:00'"),
        DatabaseRefusal.ofData(wrapped));
  }

  @Test
  void aBatchFailureCountsByItsStateOrItsNextException() {
    var batch =
        new BatchUpdateException("Data too long for column 'data'", "22001", 1406, new int[0]);
    assertEquals(
        Optional.of("Data too long for column 'data'"),
        DatabaseRefusal.ofData(new RuntimeException(batch)));
    var generic = new SQLException("batch failed", "HY000");
    generic.setNextException(new SQLException("Out of range value", "22003"));
    assertEquals(Optional.of("Out of range value"), DatabaseRefusal.ofData(generic));
  }

  @Test
  void outagesAndTwinsAreRetried() {
    assertEquals(
        Optional.empty(),
        DatabaseRefusal.ofData(
            new RuntimeException(new SQLNonTransientConnectionException("gone", "08000"))));
    assertEquals(
        Optional.empty(),
        DatabaseRefusal.ofData(
            new RuntimeException(
                new SQLIntegrityConstraintViolationException(
                    "Duplicate entry for key 'uk_event_account_external'", "23000"))));
    assertEquals(Optional.empty(), DatabaseRefusal.ofData(new IllegalStateException("no cause")));
  }
}
