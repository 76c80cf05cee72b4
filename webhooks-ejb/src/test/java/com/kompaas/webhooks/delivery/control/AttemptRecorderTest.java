package com.kompaas.webhooks.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.delivery.entity.Attempt;
import com.kompaas.webhooks.platform.control.DatabaseRefusal;
import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * What the recorder does when a write fails: a data refusal is written smaller at once, anything
 * else again.
 */
class AttemptRecorderTest {

  /** A store that answers each write from a script of failures, and keeps what it was given. */
  static final class ScriptedStore extends DeliveryStore {
    final List<FinishedAttempt> written = new ArrayList<>();
    final List<FinishedAttempt.Kept> tried = new ArrayList<>();
    final Function<FinishedAttempt, RuntimeException> failure;

    ScriptedStore(Function<FinishedAttempt, RuntimeException> failure) {
      this.failure = failure;
    }

    @Override
    public void record(List<FinishedAttempt> batch) {
      for (FinishedAttempt f : batch) {
        tried.add(f.kept());
        RuntimeException e = failure.apply(f);
        if (e != null) {
          f.rowId(() -> 42); // the real store draws the id before it writes
          throw e;
        }
      }
      written.addAll(batch);
    }
  }

  private static AttemptRecorder recorder(ScriptedStore store) {
    AttemptRecorder recorder = new AttemptRecorder();
    recorder.store = store;
    recorder.configuration = new DeliveryConfiguration();
    recorder.configuration.recordBatch = 10;
    recorder.configuration.recordWriters = 1;
    recorder.clock = Clock.systemUTC();
    recorder.log = Logger.getLogger(AttemptRecorderTest.class.getName());
    recorder.start();
    return recorder;
  }

  private static FinishedAttempt finished() {
    Attempt attempt =
        new Attempt(
            7,
            "acc",
            1,
            false,
            Instant.EPOCH,
            12,
            new Attempt.Request(
                "POST", "https://crm.example/hook", "X-Caller: " + "я".repeat(10) + "\n", "{}"),
            new Attempt.Response(200, "Server: x\n", "ok", false),
            Attempt.Outcome.DELIVERED,
            null,
            null);
    Job job = new Job(7, 1, "acc", 1, false, null, null, Instant.EPOCH.plusSeconds(60));
    return new FinishedAttempt(
        job,
        attempt,
        new AttemptOutcome(AttemptOutcome.Verdict.DELIVERED, null, 200, null, null),
        Instant.EPOCH,
        false);
  }

  /**
   * As MariaDB's refusal reaches the recorder: a batch failure under the persistence and EJB
   * wrappers.
   */
  private static RuntimeException dataTooLong() {
    var sql =
        new SQLDataException(
            "(conn=12) Data too long for column 'request_headers' at row 1", "22001", 1406);
    var batch = new BatchUpdateException(sql.getMessage(), "22001", 1406, new int[0], sql);
    return new RuntimeException(
        "EJB: transaction rolled back",
        new IllegalStateException("could not execute batch", batch));
  }

  @Test
  void anAttemptTheDatabaseRefusesIsWrittenAsASummaryAtOnce() throws Exception {
    ScriptedStore store =
        new ScriptedStore(f -> f.kept() == FinishedAttempt.Kept.WHOLE ? dataTooLong() : null);
    long start = System.nanoTime();
    recorder(store).record(finished());

    assertEquals(
        List.of(
            FinishedAttempt.Kept.WHOLE, FinishedAttempt.Kept.WHOLE, FinishedAttempt.Kept.SUMMARY),
        store.tried,
        "the shared write, the sender's own, then the summary");
    assertEquals(1, store.written.size());
    FinishedAttempt summary = store.written.get(0);
    assertEquals(200, summary.attempt().getResponseStatus());
    assertEquals(Attempt.Outcome.DELIVERED, summary.attempt().getOutcome());
    assertEquals(
        "attempt details could not be stored: Data too long for column 'request_headers' at row 1",
        summary.attempt().getErrorDetail());
    assertEquals(42, summary.rowId(() -> 99), "the summary keeps the row id of the refused write");
    assertTrue(System.nanoTime() - start < 1_000_000_000L, "no back-off: the database is fine");
  }

  @Test
  void anAttemptWhoseSummaryIsRefusedTooStillMovesItsDeliveryOn() throws Exception {
    ScriptedStore store =
        new ScriptedStore(
            f ->
                f.kept() != FinishedAttempt.Kept.NOTHING
                    ? new RuntimeException(
                        new SQLIntegrityConstraintViolationException("refused", "23000", 4025))
                    : null);
    recorder(store).record(finished());

    assertEquals(1, store.written.size());
    assertEquals(
        FinishedAttempt.Kept.NOTHING, store.written.get(0).kept(), "its effect alone is written");
  }

  @Test
  void aLostConnectionOrADeadlockIsRetriedWithTheWholeAttempt() throws Exception {
    int[] failures = {3};
    ScriptedStore store =
        new ScriptedStore(
            f ->
                failures[0]-- > 0
                    ? (failures[0] % 2 == 0
                        ? new RuntimeException(
                            new SQLNonTransientConnectionException("gone", "08000"))
                        : new RuntimeException(
                            new SQLTransactionRollbackException("Deadlock found", "40001", 1213)))
                    : null);
    recorder(store).record(finished());

    assertEquals(1, store.written.size());
    assertEquals(FinishedAttempt.Kept.WHOLE, store.written.get(0).kept(), "nothing was left out");
    assertEquals("X-Caller: яяяяяяяяяя\n", store.written.get(0).attempt().getRequestHeaders());
  }

  @Test
  void onlyDataAndConstraintStatesCountAsRefusals() {
    assertEquals(
        "Data too long for column 'request_headers' at row 1",
        DatabaseRefusal.ofDataOrConstraint(dataTooLong()).orElseThrow());
    assertTrue(
        DatabaseRefusal.ofDataOrConstraint(
                new RuntimeException(new java.sql.SQLException("Incorrect string value", "22007")))
            .isPresent());
    assertTrue(
        DatabaseRefusal.ofDataOrConstraint(
                new RuntimeException(
                    new SQLNonTransientConnectionException("Packet too big", "08000")))
            .isEmpty());
    assertTrue(
        DatabaseRefusal.ofDataOrConstraint(new SQLTransactionRollbackException("Deadlock", "40001"))
            .isEmpty());
    assertTrue(
        DatabaseRefusal.ofDataOrConstraint(new IllegalStateException("no SQL at all")).isEmpty());
    var chained = new java.sql.SQLException("batch failed", "HY000");
    chained.setNextException(new SQLDataException("Out of range value", "22003"));
    assertEquals("Out of range value", DatabaseRefusal.ofDataOrConstraint(chained).orElseThrow());
  }
}
