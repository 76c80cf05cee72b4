package com.kompaas.webhooks.intake.boundary;

import com.kompaas.webhooks.intake.control.EventChecks;
import com.kompaas.webhooks.intake.control.IncomingEvent;
import com.kompaas.webhooks.intake.control.InvalidEventException;
import com.kompaas.webhooks.platform.control.DatabaseRefusal;
import com.kompaas.webhooks.intake.entity.DeadLetter;
import com.kompaas.webhooks.platform.control.Backoff;
import com.kompaas.webhooks.platform.control.GroupCommit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link Intake#accept} for the JMS consumer's sessions, with the database transaction shared by
 * the events that arrive together ({@link GroupCommit}). Each session still waits until its own
 * event is committed before its message is acknowledged, so nothing changes for a crash: an event
 * is either committed or its message comes again. If a shared transaction fails (a twin stored
 * concurrently by another instance, a lost connection), nothing of it was kept, and each event is
 * stored on its own, exactly as without sharing; what fails alone is redelivered by the broker,
 * unless the database refused the event's own content ({@link DatabaseRefusal}): that one message is
 * dead-lettered, so a bad event can neither loop nor pause the others with the back-off below.
 *
 * <p>While storing fails (the database is away), the sessions pause before each try, 0.5 s after
 * the first failure and doubling up to 5 s, and the failure is logged once, when it starts, and
 * once more when storing works again. Without the pause every held message failed as fast as the
 * broker redelivered it: several hundred failures a second, each logged with its stack traces by
 * the containers, 32 MB of log for a database restart of a few seconds (FaultsSystemIT).
 */
@ApplicationScoped
public class SharedIntake {

  /** Events per transaction at most: more than the consumer has sessions. */
  static final int MAX_BATCH = 32;

  /** Transactions storing events at once at most. */
  static final int WRITERS = 2;

  @Inject Intake intake;

  @Inject EventChecks checks;

  @Inject Logger log;

  private GroupCommit<Intake.Pending> batches;

  private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));

  @PostConstruct
  void start() {
    batches = new GroupCommit<>(batch -> intake.storeAll(batch), MAX_BATCH, WRITERS);
  }

  /**
   * @see Intake#accept
   * @throws RuntimeException when the event could not be stored; the message is to be redelivered
   */
  public Intake.Accepted accept(String body, DeadLetter.Source source, String messageId) throws InterruptedException {
    long pause = backoff.remainingNanos(System.nanoTime());
    if (pause > 0) {
      TimeUnit.NANOSECONDS.sleep(pause);
    }
    Intake.Accepted accepted;
    try {
      accepted = acceptNow(body, source, messageId);
    } catch (RuntimeException e) {
      if (backoff.failed(System.nanoTime())) {
        log.log(Level.WARNING, "Storing events fails; the broker keeps the messages and they are tried again, with"
            + " pauses of up to 5 s until it works: " + rootCause(e));
      }
      throw e;
    }
    if (backoff.succeeded()) {
      log.info("Storing events works again; the messages the broker kept follow");
    }
    return accepted;
  }

  private Intake.Accepted acceptNow(String body, DeadLetter.Source source, String messageId) throws InterruptedException {
    IncomingEvent incoming;
    try {
      incoming = checks.validated(body);
    } catch (InvalidEventException e) {
      return intake.accept(body, source, messageId); // dead-lettered there, with the reason
    }
    var pending = new Intake.Pending(incoming);
    if (batches.submit(pending)) {
      return pending.accepted();
    }
    try {
      return intake.store(incoming);
    } catch (RuntimeException e) {
      // alone, it fails on its own content: retrying cannot help, and must not pause the others
      String refusal = DatabaseRefusal.ofData(e).orElseThrow(() -> e);
      return intake.deadLetter(body, source, messageId, "the database refused the event: " + refusal);
    }
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
