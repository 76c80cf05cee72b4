package com.kompaas.webhooks.intake.boundary;

import com.kompaas.webhooks.delivery.control.FanOut;
import com.kompaas.webhooks.delivery.control.Job;
import com.kompaas.webhooks.event.entity.Event;
import com.kompaas.webhooks.intake.control.EventChecks;
import com.kompaas.webhooks.intake.control.EventRows;
import com.kompaas.webhooks.intake.control.IncomingEvent;
import com.kompaas.webhooks.intake.control.InvalidEventException;
import com.kompaas.webhooks.intake.control.MessageBody;
import com.kompaas.webhooks.intake.entity.DeadLetter;
import com.kompaas.webhooks.platform.control.TransactionJdbc;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Accepts raw event messages. Each call is one database transaction: the event (or its dead letter)
 * is committed whole or not at all, and the caller acknowledges the message only after that commit.
 * Redelivered copies are recognised by (account, event id).
 */
@Stateless
public class Intake {

  /** What became of one message. */
  public enum Outcome {
    STORED,
    DUPLICATE,
    DEAD_LETTERED
  }

  /**
   * @param jobs the deliveries created (and claimed) for a newly stored event, to be handed to the
   *     senders once the transaction has committed
   */
  public record Accepted(Outcome outcome, Long eventId, int deliveries) {}

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject Logger log;

  @Inject FanOut fanOut;

  @Inject EventChecks checks;

  @Inject TransactionJdbc jdbc;

  /** For JMS: a message that breaks the contract becomes a dead letter with its reason. */
  public Accepted accept(String body, DeadLetter.Source source, String messageId) {
    IncomingEvent incoming;
    try {
      incoming = validated(body);
    } catch (InvalidEventException e) {
      return deadLetter(body, source, messageId, e.getMessage());
    }
    return store(incoming);
  }

  /** Keeps a message that cannot be an event, with the reason, in a transaction of its own. */
  public Accepted deadLetter(
      String body, DeadLetter.Source source, String messageId, String reason) {
    log.warning(() -> "Rejected " + source + " message " + messageId + ": " + reason);
    return deadLetter(letter(body, source, messageId, reason));
  }

  /**
   * For JMS: a message that holds no contract text at all (see {@link MessageBody}), kept as well
   * as it was read.
   */
  public Accepted deadLetter(MessageBody refused, DeadLetter.Source source, String messageId) {
    log.warning(() -> "Rejected " + source + " message " + messageId + ": " + refused.refusal());
    return deadLetter(letter(refused, source, messageId));
  }

  /** Keeps a new dead letter made by {@link #letter}, in a transaction of its own. */
  public Accepted deadLetter(DeadLetter letter) {
    em.persist(letter);
    return new Accepted(Outcome.DEAD_LETTERED, null, 0);
  }

  /** The dead letter of a message that cannot be an event; new, not yet stored. */
  public DeadLetter letter(String body, DeadLetter.Source source, String messageId, String reason) {
    return new DeadLetter(clock.instant(), source, messageId, reason, body);
  }

  /**
   * The dead letter of a message that holds no contract text at all, kept as well as it was read;
   * new, not yet stored.
   */
  public DeadLetter letter(MessageBody refused, DeadLetter.Source source, String messageId) {
    return new DeadLetter(
        clock.instant(),
        source,
        messageId,
        refused.refusal(),
        refused.kept(),
        refused.length(),
        refused.cut());
  }

  /**
   * For HTTP: the caller hears what is wrong at once, so nothing is dead-lettered.
   *
   * @param allowedAccount the only account the caller may submit for; null for the platform key
   * @throws InvalidEventException with the reason, for the caller
   */
  public Accepted submit(String body, String allowedAccount) {
    IncomingEvent incoming = validated(body);
    if (allowedAccount != null && !allowedAccount.equals(incoming.accountId())) {
      throw new InvalidEventException(
          "accountId: this API key may only submit events of account " + allowedAccount);
    }
    return store(incoming);
  }

  private IncomingEvent validated(String body) {
    return checks.validated(body);
  }

  /** Stores one checked event in its own transaction: {@link #storeBatch} for a batch of one. */
  public Accepted store(IncomingEvent incoming) {
    var pending = new Pending(incoming);
    storeBatch(List.of(pending), List.of());
    return pending.accepted;
  }

  /** A checked event waiting for a transaction shared with others ({@link BatchIntake}). */
  public static final class Pending {
    final IncomingEvent incoming;
    Accepted accepted;

    public Pending(IncomingEvent incoming) {
      this.incoming = incoming;
    }

    public IncomingEvent incoming() {
      return incoming;
    }

    /** What became of it; meaningful only once the transaction that stored it has committed. */
    public Accepted accepted() {
      return accepted;
    }
  }

  /**
   * Stores several checked events, and the dead letters of the messages received with them that are
   * no events, in one transaction, all or none; the caller acknowledges their messages after the
   * commit. One query finds the events stored already (a message redelivered after a crash between
   * commit and acknowledgement, or published twice), repeats within the batch are recognised here,
   * and the rest are inserted as one batch. A twin stored concurrently by another transaction fails
   * this one on the unique key; the caller then stores each event on its own with {@link
   * #store(IncomingEvent)}. Five statements for the whole batch's events: the lookup, the events'
   * insert, fan-out's query and insert, the commit.
   */
  public void storeBatch(List<Pending> batch, List<DeadLetter> letters) {
    letters.forEach(em::persist);
    if (batch.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Map<String, Event> candidates = new LinkedHashMap<>();
    for (Pending pending : batch) {
      IncomingEvent incoming = pending.incoming;
      candidates.computeIfAbsent(
          EventRows.key(incoming.accountId(), incoming.id()),
          key ->
              Event.written(
                  jdbc.nextId(Event.class),
                  incoming.accountId(),
                  incoming.id(),
                  incoming.type(),
                  incoming.occurredAt(),
                  now,
                  incoming.data()));
    }
    List<Event> candidateList = List.copyOf(candidates.values());
    Map<String, Long> stored = jdbc.work(connection -> EventRows.find(connection, candidateList));
    List<Event> fresh =
        candidateList.stream()
            .filter(e -> !stored.containsKey(EventRows.key(e.getAccountId(), e.getExternalId())))
            .toList();
    if (!fresh.isEmpty()) {
      jdbc.work(
          connection -> {
            EventRows.insert(connection, fresh);
            return null;
          });
    }
    // handed to the senders by delivery once this transaction commits
    List<List<Job>> jobs = fanOut.deliveriesFor(fresh, now);
    Map<Long, Integer> deliveriesByEvent = new HashMap<>();
    for (int i = 0; i < fresh.size(); i++) {
      deliveriesByEvent.put(fresh.get(i).getId(), jobs.get(i).size());
    }
    for (Pending pending :
        batch) { // the first copy in the batch gets the jobs, any other is a repeat
      String key = EventRows.key(pending.incoming.accountId(), pending.incoming.id());
      Long storedId = stored.get(key);
      if (storedId != null) {
        pending.accepted = new Accepted(Outcome.DUPLICATE, storedId, 0);
      } else {
        long id = candidates.get(key).getId();
        Integer own = deliveriesByEvent.remove(id);
        pending.accepted =
            own != null
                ? new Accepted(Outcome.STORED, id, own)
                : new Accepted(Outcome.DUPLICATE, id, 0);
      }
    }
  }

  /**
   * Gives a dead letter another go, as if its message had just arrived: accepted, it becomes an
   * event and leaves the store; rejected again, it is stored anew with today's reason. Its
   * deliveries go to the senders once the caller's transaction commits.
   *
   * @return empty when there is no such dead letter
   */
  public Optional<Accepted> redrive(long deadLetterId) {
    DeadLetter letter = em.find(DeadLetter.class, deadLetterId);
    if (letter == null) {
      return Optional.empty();
    }
    em.remove(letter);
    return Optional.of(accept(letter.getBody(), letter.getSource(), letter.getMessageId()));
  }
}
