package com.kompaas.webhooks.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on loopback that records every request it gets and answers from a script per
 * path: a queue of answers, then a default. Tests assert on what arrived, as a customer's endpoint
 * would see it.
 */
public final class Receiver implements AutoCloseable {

  /** One request as it arrived. */
  public record Request(
      Instant at, String method, String uri, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** One scripted answer; {@code hold} makes the answer wait until {@link #release()}. */
  public record Answer(int status, Map<String, String> headers, String body, boolean hold) {
    public static Answer status(int status) {
      return new Answer(status, Map.of(), "", false);
    }

    public static Answer status(int status, String header, String value) {
      return new Answer(status, Map.of(header, value), "", false);
    }

    public static Answer held() {
      return new Answer(200, Map.of(), "ok", true);
    }
  }

  private final HttpServer server;
  private final List<Request> received = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, ConcurrentLinkedQueue<Answer>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Answer> defaults = new ConcurrentHashMap<>();
  private final CountDownLatch released = new CountDownLatch(1);

  public Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    server.setExecutor(Executors.newFixedThreadPool(64));
    server.createContext("/", this::handle);
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Answers these, in order, to requests on {@code path}; then the default (200 unless set). */
  public Receiver script(String path, Answer... answers) {
    scripts.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    return this;
  }

  public Receiver byDefault(String path, Answer answer) {
    defaults.put(path, answer);
    return this;
  }

  public void release() {
    released.countDown();
  }

  public List<Request> received(String path) {
    synchronized (received) {
      return received.stream().filter(r -> r.uri().startsWith(path)).toList();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String path = exchange.getRequestURI().getPath();
    received.add(
        new Request(
            Instant.now(),
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            Map.copyOf(exchange.getRequestHeaders()),
            body));
    var queue = scripts.get(path);
    Answer answer = queue == null ? null : queue.poll();
    if (answer == null) {
      answer = defaults.getOrDefault(path, Answer.status(200));
    }
    if (answer.hold()) {
      try {
        released.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }
}
