package com.kompaas.webhooks.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The customers' endpoints, in this JVM so that its clock is the publisher's: it stamps each
 * request's arrival under the event's sequence number, which the webhook's JSON body carries as
 * {@code messageId}. {@code /hook/*} answers 200 at once, with keep-alive; {@code /dead} never
 * answers, and holds the exchange without a thread until {@link #releaseHeld}.
 */
final class Receiver implements AutoCloseable {

  private static final byte[] KEY = "\"messageId\":\"".getBytes(StandardCharsets.US_ASCII);

  private final HttpServer server;
  private final ExecutorService workers;
  private final long[] arrivals;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong unparsed = new AtomicLong();
  private final AtomicLong deadRequests = new AtomicLong();
  private final ConcurrentLinkedQueue<HttpExchange> held = new ConcurrentLinkedQueue<>();

  Receiver(int capacity, int threads) throws IOException {
    arrivals = new long[capacity];
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
    workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "receiver");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(workers);
    server.createContext("/hook/", this::healthy);
    server.createContext("/dead", this::dead);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void healthy(HttpExchange exchange) throws IOException {
    long now = System.nanoTime();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    int seq = sequence(body);
    if (seq >= 0 && seq < arrivals.length) {
      synchronized (this) {
        if (arrivals[seq] == 0) {
          arrivals[seq] = now;
        } else {
          duplicates.incrementAndGet();
        }
      }
    } else {
      unparsed.incrementAndGet();
    }
    received.incrementAndGet();
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  private void dead(HttpExchange exchange) {
    deadRequests.incrementAndGet();
    held.add(exchange); // no answer: the sender's timeout must end it
  }

  /** The digits after {@code "messageId":"}, without a JSON parser on the hot path. */
  static int sequence(byte[] body) {
    outer:
    for (int i = 0; i + KEY.length < body.length; i++) {
      for (int k = 0; k < KEY.length; k++) {
        if (body[i + k] != KEY[k]) {
          continue outer;
        }
      }
      int value = 0;
      int j = i + KEY.length;
      if (j >= body.length || body[j] < '0' || body[j] > '9') {
        return -1;
      }
      while (j < body.length && body[j] >= '0' && body[j] <= '9') {
        value = value * 10 + (body[j++] - '0');
      }
      return value;
    }
    return -1;
  }

  synchronized long arrival(int seq) {
    return arrivals[seq];
  }

  long received() {
    return received.get();
  }

  long duplicates() {
    return duplicates.get();
  }

  long unparsed() {
    return unparsed.get();
  }

  long deadRequests() {
    return deadRequests.get();
  }

  void releaseHeld() {
    HttpExchange exchange;
    while ((exchange = held.poll()) != null) {
      exchange.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    releaseHeld();
    server.stop(0);
    workers.shutdownNow();
    workers.awaitTermination(5, TimeUnit.SECONDS);
  }
}
