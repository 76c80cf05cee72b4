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
 *
 * <p>An attempt the database refuses for a data reason is {@linkplain #reduced reduced} rather than
 * retried as it is: first to a summary row, then, should even that be refused, to no row at all.
 * Either way its effect on the delivery is still written, so retry limits and switching off apply
 * and the delivery is not sent again at every lease end.
 */
public final class FinishedAttempt {

  /** How much of the attempt is written. */
  public enum Kept {
    /** The whole attempt: request and response as they went. */
    WHOLE,
    /**
     * The summary of {@link Attempt#withoutDetails}: outcome, status, error class, timing, reason.
     */
    SUMMARY,
    /** No attempt row, only what the attempt makes of its delivery. */
    NOTHING
  }

  private final Job job;
  private final Attempt attempt;
  private final AttemptOutcome outcome;
  private final Instant finishedAt;
  private final boolean successWorthRecording;
  private final Kept kept;
  private long rowId;

  /**
   * @param successWorthRecording whether a success is to be written to the endpoint's health row
   *     (decided by the gate when the attempt finished)
   */
  public FinishedAttempt(
      Job job,
      Attempt attempt,
      AttemptOutcome outcome,
      Instant finishedAt,
      boolean successWorthRecording) {
    this.job = job;
    this.attempt = attempt;
    this.outcome = outcome;
    this.finishedAt = finishedAt;
    this.successWorthRecording = successWorthRecording;
    this.kept = Kept.WHOLE;
  }

  private FinishedAttempt(FinishedAttempt whole, Attempt attempt, Kept kept) {
    this.job = whole.job;
    this.attempt = attempt;
    this.outcome = whole.outcome;
    this.finishedAt = whole.finishedAt;
    this.successWorthRecording = whole.successWorthRecording;
    this.kept = kept;
    this.rowId = whole.currentRowId(); // the refused write committed nothing, so its id is free
  }

  /** Whether a smaller form is left to try after a data refusal. */
  public boolean reducible() {
    return kept != Kept.NOTHING;
  }

  /**
   * The next smaller form of this attempt, after the database refused this one for {@code reason}.
   *
   * @throws IllegalStateException if nothing is left to leave out
   */
  public FinishedAttempt reduced(String reason) {
    return switch (kept) {
      case WHOLE -> new FinishedAttempt(this, attempt.withoutDetails(reason), Kept.SUMMARY);
      case SUMMARY -> new FinishedAttempt(this, attempt, Kept.NOTHING);
      case NOTHING ->
          throw new IllegalStateException("an attempt without a row cannot be reduced further");
    };
  }

  public Kept kept() {
    return kept;
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

  /**
   * The attempt row's id: drawn from {@code draw} by the first write, the same for every later one.
   */
  synchronized long rowId(LongSupplier draw) {
    if (rowId == 0) {
      rowId = draw.getAsLong();
    }
    return rowId;
  }

  private synchronized long currentRowId() {
    return rowId;
  }

  /** Whether a write was tried before, which may have committed without anyone hearing it. */
  synchronized boolean triedBefore() {
    return rowId != 0;
  }
}
