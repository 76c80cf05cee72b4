package com.kompaas.webhooks.intake.boundary;

import com.kompaas.webhooks.intake.control.EventParser;
import com.kompaas.webhooks.intake.control.MessageBody;
import com.kompaas.webhooks.intake.entity.DeadLetter;
import com.kompaas.webhooks.platform.boundary.Resources;
import com.kompaas.webhooks.platform.control.Backoff;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads events from the {@value Resources#EVENTS_QUEUE} queue in batches: each of a few consumer
 * threads holds a transacted session, takes what the broker has sent ahead of it (up to {@code
 * webhooks.intake.batch-size} messages: one when events trickle in, many under load, with no timer
 * between), has {@link BatchIntake} store them in one database transaction, and commits the session
 * only after the database commit.
 *
 * <p>A crash before the database commit leaves every message of the batch with the broker; a crash
 * between the two commits redelivers messages whose events are stored, which the unique key on
 * (account, event id) turns into no-ops: exactly-once in effect without XA, whose in-doubt
 * transactions would strand messages after a crash until a transaction manager recovered them.
 * While the database fails, the session is rolled back (the broker redelivers with its delay) and
 * the consumers pause before each try, 0.5 s after the first failure and doubling up to 5 s; the
 * failure is logged when it starts (with its trace), once a minute while it lasts, and once when
 * storing works again. A thread whose batches failed {@value #FRESH_THREAD_AFTER_FAILURES} times in
 * a row hands over to a new managed thread, so that nothing a failure left on a thread can keep it
 * failing. A broker that goes away ends the session; the consumer opens a new one, with the same
 * pauses, until it is back.
 *
 * <p>Until 2 Dec 2026 this was a message-driven bean, one {@code onMessage} and one acknowledgement
 * per message, with the transactions shared by group commit across its 16 sessions; that
 * per-message plumbing was the largest share of the application's CPU (docs/benchmarks.md). The
 * sessions come from the resource adapter's own connection factory {@value
 * Resources#INTAKE_CONNECTION_FACTORY}, which allows local transactions outside JTA.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each batch starts its own
public class EventConsumer {

  /** How long a receive waits for the first message of a batch, so that a stop is seen soon. */
  static final long RECEIVE_WAIT_MILLIS = 500;

  /**
   * Failed batches in a row after which a consumer thread hands over to a new one. Whatever a
   * failure left behind on a thread (its transaction context, its session) stays there; a new
   * thread from the managed thread factory starts clean. On 3 Dec 2026 all consumers kept failing
   * with "Session/EntityManager is closed" for 30 minutes while the database answered: the cached
   * checks had read outside a transaction (fixed in {@code EventChecks}); this stays as the remedy
   * for any such state (docs/benchmarks.md).
   */
  static final int FRESH_THREAD_AFTER_FAILURES = 3;

  /** While failing goes on, the log says so again this often. */
  static final Duration REMIND_EVERY = Duration.ofMinutes(1);

  @Resource(lookup = Resources.INTAKE_CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject BatchIntake intake;

  @Inject Logger log;

  @Inject
  @ConfigProperty(name = "webhooks.intake.consumers", defaultValue = "4")
  int consumers;

  @Inject
  @ConfigProperty(name = "webhooks.intake.batch-size", defaultValue = "100")
  int batchSize;

  private final Backoff storing = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
  private final Backoff receiving = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
  private final List<Thread> running = new CopyOnWriteArrayList<>();
  private volatile boolean stopping;

  @PostConstruct
  void start() {
    if (consumers < 1 || batchSize < 1) {
      throw new IllegalStateException(
          "webhooks.intake.consumers and webhooks.intake.batch-size must be at least 1");
    }
    for (int i = 0; i < consumers; i++) {
      startConsumer("webhooks-intake-" + i);
    }
  }

  private void startConsumer(String name) {
    Thread thread = threads.newThread(() -> consume(name));
    thread.setName(name);
    running.add(thread);
    thread.start();
  }

  @PreDestroy
  void stop() {
    stopping = true;
    long deadline =
        System.nanoTime()
            + TimeUnit.SECONDS.toNanos(10); // a batch in progress finishes and commits
    for (Thread thread : running) { // a snapshot; a thread handing over checks stopping first
      try {
        TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadline - System.nanoTime()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * One consumer thread: a session at a time, a new one whenever the last one failed, and a new
   * thread once storing failed {@value #FRESH_THREAD_AFTER_FAILURES} times in a row.
   */
  private void consume(String name) {
    while (!stopping) {
      try {
        if (consumeOneSession() && !stopping) {
          log.info(
              () ->
                  "Intake consumer "
                      + name
                      + " hands over to a new thread after "
                      + FRESH_THREAD_AFTER_FAILURES
                      + " failed batches in a row");
          running.remove(Thread.currentThread());
          startConsumer(name);
          return;
        }
      } catch (JMSException | RuntimeException e) {
        if (stopping) {
          return;
        }
        logFailure(
            receiving,
            "Receiving events",
            "the broker keeps them and the consumers try again",
            e,
            false);
      }
      try {
        pause(receiving);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * @return true when storing failed too often in a row: the thread is to hand over
   */
  private boolean consumeOneSession() throws JMSException {
    int failuresInARow = 0;
    try (Connection connection = connectionFactory.createConnection()) {
      Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
      MessageConsumer consumer =
          session.createConsumer(session.createQueue(Resources.EVENTS_QUEUE));
      connection.start();
      if (receiving.succeeded()) {
        log.info("Receiving events works again");
      }
      while (!stopping) {
        List<BatchIntake.Received> batch = receive(consumer);
        if (!batch.isEmpty()) {
          failuresInARow = storeAndCommit(batch, session) ? 0 : failuresInARow + 1;
          if (failuresInARow >= FRESH_THREAD_AFTER_FAILURES) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /**
   * Logs a failure the back-off counts: the first of a run with its cause (and its trace when
   * asked), then once a {@link #REMIND_EVERY} while the failures last.
   */
  private void logFailure(
      Backoff backoff, String what, String meanwhile, Exception e, boolean withTrace) {
    long now = System.nanoTime();
    if (backoff.failed(now)) {
      log.log(
          Level.WARNING,
          what
              + " fails; "
              + meanwhile
              + ", with pauses of up to 5 s until it works: "
              + rootCause(e),
          withTrace ? e : null);
    } else {
      backoff
          .remind(now, REMIND_EVERY)
          .ifPresent(
              lasted ->
                  log.warning(
                      () ->
                          what
                              + " still fails after "
                              + lasted.toSeconds()
                              + " s; "
                              + meanwhile
                              + ": "
                              + rootCause(e)));
    }
  }

  /**
   * What the broker has sent ahead: the first message waited for, the rest only if already here.
   */
  private List<BatchIntake.Received> receive(MessageConsumer consumer) throws JMSException {
    Message first = consumer.receive(RECEIVE_WAIT_MILLIS);
    if (first == null) {
      return List.of();
    }
    List<BatchIntake.Received> batch = new ArrayList<>();
    batch.add(received(first));
    while (batch.size() < batchSize) {
      Message next = consumer.receiveNoWait();
      if (next == null) {
        break;
      }
      batch.add(received(next));
    }
    return batch;
  }

  /**
   * @return false when storing failed: the session was rolled back and the batch comes again
   */
  private boolean storeAndCommit(List<BatchIntake.Received> batch, Session session)
      throws JMSException {
    try {
      pause(storing);
    } catch (InterruptedException e) {
      session.rollback();
      return true;
    }
    try {
      intake.store(batch);
    } catch (RuntimeException e) {
      // the whole trace once, so that a failure nobody expected can be told apart
      logFailure(
          storing,
          "Storing events",
          "the broker keeps the messages and they are tried again",
          e,
          true);
      session.rollback();
      return false;
    }
    if (storing.succeeded()) {
      log.info("Storing events works again; the messages the broker kept follow");
    }
    // the events and their deliveries are committed, and on their way to the senders, even if the
    // session's commit fails: its messages then come again and are recognised as stored
    session.commit();
    return true;
  }

  /**
   * Text is the contract; bytes are read as strict UTF-8, after their length is checked; any other
   * type is refused with its type named and what can be kept of it (see {@link MessageBody}).
   *
   * @throws JMSException when the body cannot be read: the session fails and the batch comes again
   */
  private static BatchIntake.Received received(Message message) throws JMSException {
    return new BatchIntake.Received(
        messageId(message),
        MessageBody.of(message, EventParser.MAX_BODY_BYTES, DeadLetter.MAX_BODY_CHARS));
  }

  private static String messageId(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return null; // only a dead letter's note of where it came from
    }
  }

  private static void pause(Backoff backoff) throws InterruptedException {
    long pause = backoff.remainingNanos(System.nanoTime());
    if (pause > 0) {
      TimeUnit.NANOSECONDS.sleep(pause); // the back-off's pause, not a wait for a condition
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
