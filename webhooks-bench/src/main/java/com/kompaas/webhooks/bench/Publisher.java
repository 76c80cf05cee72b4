package com.kompaas.webhooks.bench;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The telephony platform's producers: plain JMS over CORE/TCP, persistent sends, one connection
 * per thread. Each healthy event carries its sequence number as {@code messageId}; its publish
 * time is kept here under that number.
 */
final class Publisher {

  static final String QUEUE = "webhooks.events";

  private final String url;
  private final String user;
  private final String password;
  private final int accounts;
  private final String runId;
  final long[] publishedAt;
  private final AtomicLong maxLagNanos = new AtomicLong();

  Publisher(String url, String user, String password, int accounts, String runId, int capacity) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.accounts = accounts;
    this.runId = runId;
    this.publishedAt = new long[capacity];
  }

  static String account(int index) {
    return "bench-" + index;
  }

  String healthyEvent(int seq) {
    return event(runId + "-" + seq, account(seq % accounts), seq);
  }

  String deadEvent(int n) {
    return event(runId + "-dead-" + n, Bench.DEAD_ACCOUNT, 0);
  }

  private static String event(String id, String account, int seq) {
    return "{\"id\":\"" + id + "\",\"type\":\"sms.incoming\",\"accountId\":\"" + account
        + "\",\"occurredAt\":\"2026-11-28T10:00:00Z\",\"data\":{\"messageId\":\"" + seq
        + "\",\"from\":\"79161234567\",\"to\":\"74951234567\",\"text\":\"Please call me back\",\"parts\":1}}";
  }

  /** Publishes sequence numbers [from, from + count) from {@code threads} threads, flat out. */
  void flatOut(int from, int count, int threads) throws InterruptedException {
    run(threads, t -> {
      try (var factory = new ActiveMQConnectionFactory(url);
          JMSContext context = factory.createContext(user, password)) {
        Queue queue = context.createQueue(QUEUE);
        JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
        for (int seq = from + t; seq < from + count; seq += threads) {
          publishedAt[seq] = System.nanoTime();
          producer.send(queue, healthyEvent(seq));
        }
      }
    });
  }

  /**
   * Publishes [from, from + count) at {@code rate} per second, paced on an absolute schedule; an
   * event's publish time is its scheduled time, so a stalled producer counts against latency
   * (no coordinated omission). With {@code deadRate > 0} one more thread sends events for the
   * dead endpoint over the same span.
   */
  void paced(int from, int count, int rate, int threads, int deadRate) throws InterruptedException {
    long period = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long end = start + period * count;
    int workers = threads + (deadRate > 0 ? 1 : 0);
    run(workers, t -> {
      try (var factory = new ActiveMQConnectionFactory(url);
          JMSContext context = factory.createContext(user, password)) {
        Queue queue = context.createQueue(QUEUE);
        JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
        if (t == threads) {
          long deadPeriod = TimeUnit.SECONDS.toNanos(1) / deadRate;
          for (int n = 0; start + n * deadPeriod < end; n++) {
            sleepUntil(start + n * deadPeriod);
            producer.send(queue, deadEvent(n));
          }
          return;
        }
        for (int i = t; i < count; i += threads) {
          long due = start + i * period;
          sleepUntil(due);
          long lag = System.nanoTime() - due;
          maxLagNanos.accumulateAndGet(lag, Math::max);
          publishedAt[from + i] = due;
          producer.send(queue, healthyEvent(from + i));
        }
      }
    });
  }

  long takeMaxLagNanos() {
    return maxLagNanos.getAndSet(0);
  }

  private static void sleepUntil(long due) {
    long wait;
    while ((wait = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
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
      Thread thread = new Thread(() -> {
        try {
          work.run(index);
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      }, "producer-" + t);
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
