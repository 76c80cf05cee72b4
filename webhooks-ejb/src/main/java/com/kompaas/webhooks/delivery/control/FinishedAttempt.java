package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.delivery.entity.Attempt;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * An attempt that went out, waiting to be written. Its row id is drawn on the first write and kept
 * for every later one: a write whose commit reached the database but whose answer was lost (the
 * connection died during the commit) looks like a failure, and the retry then finds its row instead
 * of adding a second. The id is never reused for anything else, so a write that really failed
 * leaves it unused until the retry.
 */
public final class FinishedAttempt {

  private final Job job;
  private final Attempt attempt;
  private final AttemptOutcome outcome;
  private final Instant finishedAt;
  private final boolean successWorthRecording;
  private long rowId;

  /**
   * @param successWorthRecording whether a success is to be written to the endpoint's health row
   *     (decided by the gate when the attempt finished)
   */
  public FinishedAttempt(Job job, Attempt attempt, AttemptOutcome outcome, Instant finishedAt, boolean successWorthRecording) {
    this.job = job;
    this.attempt = attempt;
    this.outcome = outcome;
    this.finishedAt = finishedAt;
    this.successWorthRecording = successWorthRecording;
  }

  public Job job() {
    return job;
  }

  public Attempt attempt() {
    return attempt;
  }

  public AttemptOutcome outcome() {
    return outcome;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public boolean successWorthRecording() {
    return successWorthRecording;
  }

  /** The attempt row's id: drawn from {@code draw} by the first write, the same for every later one. */
  synchronized long rowId(LongSupplier draw) {
    if (rowId == 0) {
      rowId = draw.getAsLong();
    }
    return rowId;
  }

  /** Whether a write was tried before, which may have committed without anyone hearing it. */
  synchronized boolean triedBefore() {
    return rowId != 0;
  }
}
