package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.delivery.entity.Attempt;
import java.time.Instant;

/**
 * An attempt that went out, waiting to be written. {@code attempt} is never persisted itself:
 * each write inserts it as a row with a freshly drawn id, so a write that failed and is tried
 * again cannot lose the row to an id the failed transaction handed out.
 *
 * @param successWorthRecording whether a success is to be written to the endpoint's health row
 *     (decided by the gate when the attempt finished)
 */
public record FinishedAttempt(
    Job job, Attempt attempt, AttemptOutcome outcome, Instant finishedAt, boolean successWorthRecording) {}
