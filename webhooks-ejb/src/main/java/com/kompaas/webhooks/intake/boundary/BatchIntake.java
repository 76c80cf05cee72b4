package com.kompaas.webhooks.intake.boundary;

import com.kompaas.webhooks.intake.control.EventChecks;
import com.kompaas.webhooks.intake.control.InvalidEventException;
import com.kompaas.webhooks.intake.control.MessageBody;
import com.kompaas.webhooks.intake.entity.DeadLetter;
import com.kompaas.webhooks.platform.control.DatabaseRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Stores the messages one consumer received together ({@link EventConsumer}) in one database
 * transaction: the events, and the dead letters of the messages that are no events, all or none,
 * before the consumer commits its session. A crash before the commit leaves every message of the
 * batch with the broker; a crash between the database commit and the session's leaves messages
 * whose events are stored, which the unique key on (account, event id) turns into no-ops.
 *
 * <p>If the shared transaction fails (a twin stored at the same moment by another instance, a lost
 * connection, an event the database refuses), nothing of it was kept, and each message is stored on
 * its own. What then fails on its own content ({@link DatabaseRefusal}) is dead-lettered, so a bad
 * event can neither loop nor pause the others; any other failure is the database's, and is thrown
 * for the whole batch to come again.
 */
@ApplicationScoped
public class BatchIntake {

  /** A message as the consumer read it. */
  public record Received(String messageId, MessageBody body) {}

  /** A message that is no event, and why; {@code reason} null when its body was refused unread. */
  private record Refused(Received received, String reason) {}

  @Inject Intake intake;

  @Inject EventChecks checks;

  @Inject Logger log;

  /**
   * Stores the batch; the deliveries of its new events go to the senders as each transaction that
   * created them commits.
   *
   * @throws RuntimeException when the database failed: the batch is to be received again (what was
   *     stored of it meanwhile is recognised then)
   */
  public void store(List<Received> batch) {
    List<Intake.Pending> events = new ArrayList<>();
    List<Received> sources = new ArrayList<>(); // the message of each event, at the same index
    List<Refused> refused = new ArrayList<>();
    for (Received received : batch) {
      MessageBody body = received.body();
      if (body.refusal() != null) {
        refused.add(new Refused(received, null));
        continue;
      }
      try {
        events.add(new Intake.Pending(checks.validated(body.text())));
        sources.add(received);
      } catch (InvalidEventException e) {
        refused.add(new Refused(received, e.getMessage()));
      }
    }
    refused.forEach(
        r ->
            log.warning(
                () ->
                    "Rejected JMS message "
                        + r.received().messageId()
                        + ": "
                        + (r.reason() == null ? r.received().body().refusal() : r.reason())));
    try {
      intake.storeBatch(events, refused.stream().map(this::letter).toList());
    } catch (RuntimeException e) {
      storeEachAlone(events, sources, refused);
    }
  }

  private void storeEachAlone(
      List<Intake.Pending> events, List<Received> sources, List<Refused> refused) {
    // new entities: those of the failed transaction may hold ids it drew
    refused.forEach(r -> intake.deadLetter(letter(r)));
    for (int i = 0; i < events.size(); i++) {
      try {
        intake.store(events.get(i).incoming());
      } catch (RuntimeException e) {
        // alone, it fails on its own content: retrying cannot help, and must not pause the others
        String refusal = DatabaseRefusal.ofData(e).orElseThrow(() -> e);
        Received received = sources.get(i);
        intake.deadLetter(
            received.body().text(),
            DeadLetter.Source.JMS,
            received.messageId(),
            "the database refused the event: " + refusal);
      }
    }
  }

  private DeadLetter letter(Refused refused) {
    Received received = refused.received();
    return refused.reason() == null
        ? intake.letter(received.body(), DeadLetter.Source.JMS, received.messageId())
        : intake.letter(
            received.body().text(), DeadLetter.Source.JMS, received.messageId(), refused.reason());
  }
}
