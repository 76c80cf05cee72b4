package com.kompaas.webhooks.delivery.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.kompaas.webhooks.platform.control.GroupCommit;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the attempts of all sender threads in shared transactions ({@link GroupCommit}): a sender
 * waits until its attempt is written, as it would with a transaction of its own, but the writes of
 * the senders that finish together share one. If a shared write fails, each sender writes its
 * attempt on its own, retrying through database hiccups for about 20 s; a write whose commit went
 * through unheard is recognised by the attempt's row id (see {@link FinishedAttempt}).
 */
@ApplicationScoped
public class AttemptRecorder {

  /** Attempts to write an attempt alone this many times before giving up on the database. */
  static final int RECORD_TRIES = 8;

  @Inject DeliveryStore store;

  @Inject DeliveryConfiguration configuration;

  @Inject Clock clock;

  @Inject Logger log;

  private GroupCommit<FinishedAttempt> batches;

  @PostConstruct
  void start() {
    batches = new GroupCommit<>(this::writeBatch, configuration.recordBatch(), configuration.recordWriters());
  }

  /** One shared transaction; a seam for tests that make it fail. */
  protected void writeBatch(List<FinishedAttempt> batch) {
    store.record(batch);
  }

  /**
   * Writes the attempt and what it means for its delivery; returns when that is committed, or
   * after the tries when the database stayed away (then the attempt is in the server log, and the
   * delivery is sent again when its lease ends).
   */
  public void record(FinishedAttempt finished) throws InterruptedException {
    if (batches.submit(finished)) {
      return;
    }
    RuntimeException last = null;
    for (int i = 0; i < RECORD_TRIES; i++) {
      try {
        store.record(List.of(finished)); // the same row id each try: see FinishedAttempt
        return;
      } catch (RuntimeException e) {
        last = e;
        Thread.sleep(Math.min(200L << i, 5_000L)); // about 20 s in all
      }
    }
    var a = finished.attempt();
    log.log(Level.SEVERE, "Could not record attempt " + a.getNumber() + " of delivery " + finished.job().deliveryId()
        + " (" + a.getOutcome() + ", status " + a.getResponseStatus() + ", error " + a.getError()
        + ", started " + a.getStartedAt() + "); it will be sent again when its lease ends", last);
  }
}
