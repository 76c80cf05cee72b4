package com.kompaas.webhooks.intake.boundary;

import com.kompaas.webhooks.intake.control.EventChecks;
import com.kompaas.webhooks.intake.control.IncomingEvent;
import com.kompaas.webhooks.intake.control.InvalidEventException;
import com.kompaas.webhooks.intake.entity.DeadLetter;
import com.kompaas.webhooks.platform.control.GroupCommit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@link Intake#accept} for the JMS consumer's sessions, with the database transaction shared by
 * the events that arrive together ({@link GroupCommit}). Each session still waits until its own
 * event is committed before its message is acknowledged, so nothing changes for a crash: an event
 * is either committed or its message comes again. If a shared transaction fails (a twin stored
 * concurrently by another instance, a lost connection), nothing of it was kept, and each event is
 * stored on its own, exactly as without sharing; what fails alone is redelivered by the broker.
 */
@ApplicationScoped
public class SharedIntake {

  /** Events per transaction at most: more than the consumer has sessions. */
  static final int MAX_BATCH = 32;

  /** Transactions storing events at once at most. */
  static final int WRITERS = 2;

  @Inject Intake intake;

  @Inject EventChecks checks;

  private GroupCommit<Intake.Pending> batches;

  @PostConstruct
  void start() {
    batches = new GroupCommit<>(batch -> intake.storeAll(batch), MAX_BATCH, WRITERS);
  }

  /** @see Intake#accept */
  public Intake.Accepted accept(String body, DeadLetter.Source source, String messageId) throws InterruptedException {
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
    return intake.store(incoming);
  }
}
