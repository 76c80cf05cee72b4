package com.kompaas.webhooks.intake.boundary;

import com.kompaas.webhooks.intake.control.EventChecks;
import com.kompaas.webhooks.intake.control.EventRows;
import com.kompaas.webhooks.intake.control.IncomingEvent;
import com.kompaas.webhooks.intake.control.InvalidEventException;
import com.kompaas.webhooks.intake.entity.DeadLetter;
import com.kompaas.webhooks.intake.entity.Event;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import com.kompaas.webhooks.delivery.control.Job;
import com.kompaas.webhooks.delivery.control.FanOut;
import com.kompaas.webhooks.platform.control.TransactionJdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Accepts raw event messages. Each call is one database transaction: the event (or its dead
 * letter) is committed whole or not at all, and the caller acknowledges the message only after
 * that commit. Redelivered copies are recognised by (account, event id).
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
  public record Accepted(Outcome outcome, Long eventId, List<Job> jobs) {}

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
      log.warning(() -> "Rejected " + source + " message " + messageId + ": " + e.getMessage());
      em.persist(new DeadLetter(clock.instant(), source, messageId, e.getMessage(), body));
      return new Accepted(Outcome.DEAD_LETTERED, null, List.of());
    }
    return store(incoming);
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
      throw new InvalidEventException("accountId: this API key may only submit events of account " + allowedAccount);
    }
    return store(incoming);
  }

  private IncomingEvent validated(String body) {
    return checks.validated(body);
  }

  /**
   * Stores one checked event in its own transaction, in plain JDBC: one select for a stored twin,
   * one insert, then fan-out's select and insert.
   */
  public Accepted store(IncomingEvent incoming) {
    long id = jdbc.nextId(Event.class); // drawn first: a duplicate wastes one id, harmlessly
    Instant now = clock.instant();
    Event event =
        Event.written(id, incoming.accountId(), incoming.id(), incoming.type(), incoming.occurredAt(), now, incoming.data());
    // A concurrent twin that slips past this read hits the unique key, rolls back and is
    // redelivered, and then finds the stored row here.
    Optional<Long> known = jdbc.work(connection -> {
      Optional<Long> twin = EventRows.find(connection, incoming.accountId(), incoming.id());
      if (twin.isEmpty()) {
        EventRows.insert(connection, event);
      }
      return twin;
    });
    if (known.isPresent()) {
      return new Accepted(Outcome.DUPLICATE, known.get(), List.of());
    }
    return new Accepted(Outcome.STORED, id, fanOut.deliveriesFor(event, now));
  }

  /**
   * Gives a dead letter another go, as if its message had just arrived: accepted, it becomes an
   * event and leaves the store; rejected again, it is stored anew with today's reason. The caller
   * hands the returned jobs to the senders after the commit, as {@link EventConsumer} does.
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
