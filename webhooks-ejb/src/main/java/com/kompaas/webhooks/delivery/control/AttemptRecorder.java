package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.platform.control.DatabaseRefusal;
import com.kompaas.webhooks.platform.control.GroupCommit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the attempts of all sender threads in shared transactions ({@link GroupCommit}): a sender
 * waits until its attempt is written, as it would with a transaction of its own, but the writes of
 * the senders that finish together share one. If a shared write fails, each sender writes its
 * attempt on its own, retrying through database hiccups for about 20 s; a write whose commit went
 * through unheard is recognised by the attempt's row id (see {@link FinishedAttempt}).
 *
 * <p>Only infrastructure failures are retried. A write the database refuses for what it holds
 * ({@link DatabaseRefusal}: a value too long for its column, say) would be refused again at every
 * try and, unwritten, leave its delivery to be sent again at every lease end, for ever; such an
 * attempt is written as a summary instead (and, should even that be refused, as its effect on the
 * delivery alone), with one line in the server log.
 */
@ApplicationScoped
public class AttemptRecorder {

  /**
   * Attempts to write an attempt alone at least this many times (about 20 s) before giving up on
   * the database; it goes on trying for as long as its delivery stays with it (its lease and {@link
   * DeliveryStore#RECORD_GRACE}), so a database that comes back within that time sees the attempt
   * written, never a second request.
   */
  static final int RECORD_TRIES = 8;

  /** The last try starts at least this long before the delivery may be handed out again. */
  static final Duration RECORD_MARGIN = Duration.ofSeconds(3);

  @Inject DeliveryStore store;

  @Inject DeliveryConfiguration configuration;

  @Inject Clock clock;

  @Inject Logger log;

  private GroupCommit<FinishedAttempt> batches;

  @PostConstruct
  void start() {
    batches =
        new GroupCommit<>(this::write, configuration.recordBatch(), configuration.recordWriters());
  }

  /** One transaction, shared or a sender's own; a seam for tests that make it fail. */
  protected void write(List<FinishedAttempt> batch) {
    store.record(batch);
  }

  /**
   * Writes the attempt and what it means for its delivery; returns when that is committed, or after
   * the tries when the database stayed away (then the attempt is in the server log, and the
   * delivery is sent again when its lease ends).
   */
  public void record(FinishedAttempt finished) throws InterruptedException {
    if (batches.submit(finished)) {
      return;
    }
    RuntimeException last = null;
    Instant handedBackAt = finished.job().leaseUntil().plus(DeliveryStore.RECORD_GRACE);
    for (int i = 0; ; ) {
      try {
        write(List.of(finished)); // the same row id each try: see FinishedAttempt
        return;
      } catch (RuntimeException e) {
        Optional<String> refused = DatabaseRefusal.ofDataOrConstraint(e);
        if (refused.isPresent()) {
          if (!finished.reducible()) {
            last = e;
            break; // the same write would be refused again
          }
          FinishedAttempt whole = finished;
          finished = finished.reduced(refused.get());
          FinishedAttempt.Kept kept = finished.kept();
          log.warning(
              () ->
                  "Attempt "
                      + whole.attempt().getNumber()
                      + " of delivery "
                      + whole.job().deliveryId()
                      + " was refused by the database ("
                      + refused.get()
                      + "); writing "
                      + (kept == FinishedAttempt.Kept.SUMMARY
                          ? "its summary"
                          : "its effect on the delivery only"));
          continue; // at once: nothing is wrong with the database
        }
        last = e;
        long pause = Math.min(200L << Math.min(i, 5), 5_000L); // about 20 s for the first tries
        i++;
        if (i >= RECORD_TRIES
            && !clock.instant().plusMillis(pause).plus(RECORD_MARGIN).isBefore(handedBackAt)) {
          break; // the scheduler may hand the delivery out again now: it is sent again
        }
        Thread.sleep(
            pause); // the retry's back-off while the database is away, not a wait for a condition
      }
    }
    var a = finished.attempt();
    log.log(
        Level.SEVERE,
        "Could not record attempt "
            + a.getNumber()
            + " of delivery "
            + finished.job().deliveryId()
            + " ("
            + a.getOutcome()
            + ", status "
            + a.getResponseStatus()
            + ", error "
            + a.getError()
            + ", started "
            + a.getStartedAt()
            + "); it will be sent again when its lease ends",
        last);
  }
}
