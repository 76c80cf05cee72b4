package com.kompaas.webhooks.bench;

import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The telephony platform's producers as a high-volume producer publishes: plain JMS over CORE/TCP,
 * persistent messages, one connection per thread, and no round trip per message. Each healthy event
 * carries its sequence number as {@code messageId}; its publish time is kept here under that
 * number. An event counts as published only once the broker has confirmed it (durably stored).
 *
 * <p>Two ways, chosen with {@link Mode}:
 *
 * <ul>
 *   <li>{@code ASYNC} (the default): asynchronous durable sends, {@code blockOnDurableSend=false}
 *       with a confirmation window, each send completed by a {@link CompletionListener} when the
 *       broker confirms it; at most {@code window} sends per thread await their confirmation.
 *   <li>{@code TRANSACTED}: a transacted session committed every {@code window} messages, or
 *       earlier when a paced producer has nothing more due (a batch of what is ready).
 * </ul>
 */
final class Publisher {

  static final String QUEUE = "webhooks.events";

  enum Mode {
    ASYNC,
    TRANSACTED;

    static Mode of(String name) {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
  }

  private final String url;
  private final String user;
  private final String password;
  private final int accounts;
  private final String runId;
  private final Mode mode;
  private final int window;
  final long[] publishedAt;
  private final AtomicLong maxLagNanos = new AtomicLong();
  private final AtomicLong confirmed = new AtomicLong();

  Publisher(
      String url,
      String user,
      String password,
      int accounts,
      String runId,
      int capacity,
      Mode mode,
      int window) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.accounts = accounts;
    this.runId = runId;
    this.mode = mode;
    this.window = window;
    this.publishedAt = new long[capacity];
  }

  /** How the producers publish, for the report. */
  String describe() {
    return switch (mode) {
      case ASYNC ->
          "asynchronous durable sends (blockOnDurableSend=false, confirmationWindowSize=1 MiB,"
              + " a CompletionListener per send), at most "
              + window
              + " unconfirmed per producer thread";
      case TRANSACTED ->
          "transacted batches of up to "
              + window
              + " persistent messages (fewer when a paced"
              + " producer has nothing more due)";
    };
  }

  /** Events the broker has confirmed (async) or committed (transacted), over the whole run. */
  long confirmed() {
    return confirmed.get();
  }

  static String account(int index) {
    return "bench-" + index;
  }

  String healthyEvent(int seq) {
    return event(runId + "-" + seq, account(seq % accounts), seq);
  }

  /** An event of one of the fan-out accounts, each with ten webhooks for it. */
  String fanEvent(int seq) {
    return event(runId + "-" + seq, fanAccount(seq % Bench.FAN_ACCOUNTS), seq);
  }

  static String fanAccount(int index) {
    return "bench-fan-" + index;
  }

  String deadEvent(int n) {
    return event(runId + "-dead-" + n, Bench.DEAD_ACCOUNT, 0);
  }

  /**
   * The isolation throughput scenario's events: every tenth goes to one of the {@link
   * Bench#DEAD_ACCOUNTS} webhooks that never answer, the rest as {@link #healthyEvent}.
   */
  String mixedEvent(int seq) {
    if (seq % 10 == 9) {
      return event(
          runId + "-flat-dead-" + seq,
          Bench.DEAD_ACCOUNTS.get((seq / 10) % Bench.DEAD_ACCOUNTS.size()),
          0);
    }
    return healthyEvent(seq);
  }

  private static String event(String id, String account, int seq) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"sms.incoming\",\"accountId\":\""
        + account
        + "\",\"occurredAt\":\"2026-11-28T10:00:00Z\",\"data\":{\"messageId\":\""
        + seq
        + "\",\"from\":\"79161234567\",\"to\":\"74951234567\",\"text\":\"Please call me back\",\"parts\":1}}";
  }

  /** Publishes sequence numbers [from, from + count) from {@code threads} threads, flat out. */
  void flatOut(int from, int count, int threads, java.util.function.IntFunction<String> event)
      throws InterruptedException {
    run(
        threads,
        t -> {
          try (Sink sink = sink()) {
            for (int seq = from + t; seq < from + count; seq += threads) {
              publishedAt[seq] = System.nanoTime();
              sink.send(event.apply(seq));
            }
          }
        });
  }

  /**
   * Publishes [from, from + count) at {@code rate} per second, paced on an absolute schedule; an
   * event's publish time is its scheduled time, so a stalled producer counts against latency (no
   * coordinated omission). With {@code deadRate > 0} one more thread sends events for the dead
   * endpoint over the same span.
   */
  void paced(int from, int count, int rate, int threads, int deadRate) throws InterruptedException {
    long period = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long end = start + period * count;
    int workers = threads + (deadRate > 0 ? 1 : 0);
    run(
        workers,
        t -> {
          try (Sink sink = sink()) {
            if (t == threads) {
              long deadPeriod = TimeUnit.SECONDS.toNanos(1) / deadRate;
              for (int n = 0; start + n * deadPeriod < end; n++) {
                sleepUntil(start + n * deadPeriod, sink);
                sink.send(deadEvent(n));
              }
              return;
            }
            for (int i = t; i < count; i += threads) {
              long due = start + i * period;
              sleepUntil(due, sink);
              long lag = System.nanoTime() - due;
              maxLagNanos.accumulateAndGet(lag, Math::max);
              publishedAt[from + i] = due;
              sink.send(healthyEvent(from + i));
            }
          }
        });
  }

  long takeMaxLagNanos() {
    return maxLagNanos.getAndSet(0);
  }

  /**
   * Waits for {@code due}; a transacted producer first commits what it holds, as nothing more is
   * ready.
   */
  private static void sleepUntil(long due, Sink sink) {
    if (due - System.nanoTime() > 0) {
      sink.idle();
    }
    long wait;
    while ((wait = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  private Sink sink() {
    return mode == Mode.ASYNC ? new AsyncSink() : new TransactedSink();
  }

  /** One producer thread's connection; {@link #close} returns once everything sent is confirmed. */
  private abstract static class Sink implements AutoCloseable {
    final ActiveMQConnectionFactory factory;
    final JMSContext context;
    final Queue queue;

    Sink(String url, String user, String password, int sessionMode) {
      factory = new ActiveMQConnectionFactory(url);
      context = factory.createContext(user, password, sessionMode);
      queue = context.createQueue(QUEUE);
    }

    abstract void send(String body) throws InterruptedException;

    /** Nothing more is ready to send for a while. */
    void idle() {}

    /** Everything sent is confirmed. */
    abstract void drain() throws InterruptedException;

    @Override
    public void close() throws InterruptedException {
      try {
        drain();
      } finally {
        context.close();
        factory.close();
      }
    }
  }

  private final class AsyncSink extends Sink {
    private final Semaphore unconfirmed = new Semaphore(window);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final JMSProducer producer;

    AsyncSink() {
      // blockOnDurableSend=false: a persistent send does not wait for the broker; the confirmation
      // window makes the broker confirm sends in batches, which the CompletionListener receives
      super(
          url + "?blockOnDurableSend=false&confirmationWindowSize=1048576",
          user,
          password,
          JMSContext.AUTO_ACKNOWLEDGE);
      producer =
          context
              .createProducer()
              .setDeliveryMode(DeliveryMode.PERSISTENT)
              .setAsync(
                  new CompletionListener() {
                    @Override
                    public void onCompletion(Message message) {
                      confirmed.incrementAndGet();
                      unconfirmed.release();
                    }

                    @Override
                    public void onException(Message message, Exception exception) {
                      failure.compareAndSet(null, exception);
                      unconfirmed.release();
                    }
                  });
    }

    @Override
    void send(String body) throws InterruptedException {
      if (!unconfirmed.tryAcquire(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException(
            "the broker confirmed none of " + window + " sends for 2 minutes");
      }
      producer.send(queue, body);
    }

    @Override
    void drain() throws InterruptedException {
      if (!unconfirmed.tryAcquire(window, 2, TimeUnit.MINUTES)) {
        throw new IllegalStateException(
            (window - unconfirmed.availablePermits()) + " sends never confirmed");
      }
      if (failure.get() != null) {
        throw new IllegalStateException("the broker refused a send", failure.get());
      }
    }
  }

  private final class TransactedSink extends Sink {
    private final JMSProducer producer;
    private int pending;

    TransactedSink() {
      super(url, user, password, JMSContext.SESSION_TRANSACTED);
      producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
    }

    @Override
    void send(String body) {
      producer.send(queue, body);
      if (++pending >= window) {
        commit();
      }
    }

    @Override
    void idle() {
      commit();
    }

    @Override
    void drain() {
      commit();
    }

    private void commit() {
      if (pending > 0) {
        context.commit();
        confirmed.addAndGet(pending);
        pending = 0;
      }
    }
  }

  private interface Work {
    void run(int thread) throws Exception;
  }

  private static void run(int threads, Work work) throws InterruptedException {
    List<Thread> started = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int index = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  work.run(index);
                } catch (Throwable e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              },
              "producer-" + t);
      thread.start();
      started.add(thread);
    }
    for (Thread thread : started) {
      thread.join(TimeUnit.MINUTES.toMillis(30));
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("a producer failed", failures.get(0));
    }
  }
}
