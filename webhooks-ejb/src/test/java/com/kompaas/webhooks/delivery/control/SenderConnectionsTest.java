package com.kompaas.webhooks.delivery.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.delivery.entity.DeliveryError;
import com.kompaas.webhooks.outbound.control.AddressGuard;
import com.kompaas.webhooks.outbound.control.AddressGuardTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender's connection handling, seen from a receiver on plain sockets: keep-alive per endpoint,
 * the bound per endpoint, no resend of a POST, stale pooled connections, the total deadline against
 * a slow drip, an oversized body's connection dropped, and nothing JVM-wide.
 */
class SenderConnectionsTest {

  private static final ApacheHttpSender.Settings SETTINGS =
      new ApacheHttpSender.Settings(
          Duration.ofMillis(500), Duration.ofMillis(700), 1024, "test-agent");

  private final AddressGuard guard =
      AddressGuard.parse("127.0.0.1/32", AddressGuardTest.names(Map.of()));
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private ApacheHttpSender sender(ApacheHttpSender.Settings settings) {
    ApacheHttpSender sender = new ApacheHttpSender(settings, guard);
    closing.add(0, sender);
    return sender;
  }

  private ScriptedServer server(ScriptedServer.Script script) throws IOException {
    ScriptedServer server = new ScriptedServer(script);
    closing.add(server);
    return server;
  }

  private static SendResult post(ApacheHttpSender sender, URI url) {
    return sender.send(
        OutboundRequest.post(
            url,
            List.of(new OutboundRequest.Header("Content-Type", "application/json")),
            "{\"n\":1}".getBytes(StandardCharsets.UTF_8)));
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 10 s: " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  @Test
  void eachEndpointKeepsItsOwnConnectionAlive() throws IOException {
    ScriptedServer a = server(ex -> ex.respond(200, "a"));
    ScriptedServer b = server(ex -> ex.respond(200, "b"));
    ApacheHttpSender sender = sender(SETTINGS);
    for (int i = 0; i < 4; i++) {
      assertEquals(200, post(sender, a.url("/hook")).status());
      assertEquals(200, post(sender, b.url("/hook")).status());
    }
    assertEquals(4, a.requests());
    assertEquals(4, b.requests());
    assertEquals(1, a.connections(), "one connection for four requests to a");
    assertEquals(1, b.connections(), "one connection for four requests to b");
  }

  @Test
  void boundsTheConnectionsPerEndpoint() throws Exception {
    ScriptedServer server =
        server(
            ex -> {
              ex.awaitRelease();
              ex.respond(200, "ok");
            });
    ApacheHttpSender sender =
        sender(
            new ApacheHttpSender.Settings(Duration.ofSeconds(2), Duration.ofSeconds(10), 1024, "t")
                .withConnections(2, 8));
    ExecutorService callers = Executors.newFixedThreadPool(3);
    closing.add(callers::shutdownNow);
    List<Future<SendResult>> results = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      results.add(callers.submit(() -> post(sender, server.url("/hook"))));
    }
    // two requests held at the receiver, the third waiting inside the sender for a connection
    await(
        () -> server.inFlight() == 2 && sender.connections().getPending() == 1,
        "two in flight and one waiting, not " + server.inFlight() + " and " + sender.connections());
    assertEquals(2, server.connections());
    assertEquals(2, server.requests());
    server.release();
    for (Future<SendResult> r : results) {
      assertEquals(200, r.get(10, TimeUnit.SECONDS).status());
    }
    assertEquals(3, server.requests());
    assertEquals(2, server.connections(), "the third request went over one of the two connections");
  }

  @Test
  void waitingForAConnectionCountsAgainstTheTotalTimeout() throws Exception {
    ScriptedServer server =
        server(
            ex -> {
              ex.awaitRelease();
              ex.respond(200, "late");
            });
    ApacheHttpSender sender = sender(SETTINGS.withConnections(1, 4));
    ExecutorService callers = Executors.newFixedThreadPool(2);
    closing.add(callers::shutdownNow);
    Future<SendResult> first = callers.submit(() -> post(sender, server.url("/first")));
    await(() -> server.inFlight() == 1, "the first request held");
    Future<SendResult> second = callers.submit(() -> post(sender, server.url("/second")));
    await(
        () -> sender.connections().getPending() == 1, "the second waiting for the one connection");
    assertEquals(DeliveryError.TIMEOUT, first.get(10, TimeUnit.SECONDS).error());
    SendResult waited = second.get(10, TimeUnit.SECONDS);
    assertEquals(DeliveryError.TIMEOUT, waited.error(), waited.toString());
    assertEquals("no complete response within 700 ms", waited.errorDetail());
    // the connection came free when the first timed out, just before the second's own deadline;
    // had the wait not counted, the second would have had 700 ms more from then
    assertTrue(waited.duration().compareTo(Duration.ofMillis(1200)) < 0, waited.toString());
  }

  @Test
  void aRequestTheServerDroppedUnansweredIsNotResent() throws IOException {
    // PUT too: the client would otherwise resend it on its own, PUT being idempotent in HTTP's
    // terms
    for (String method : List.of("POST", "PUT")) {
      ScriptedServer server = server(ScriptedServer.Exchange::close);
      SendResult r =
          sender(SETTINGS)
              .send(
                  new OutboundRequest(
                      method,
                      server.url("/hook"),
                      List.of(),
                      "{}".getBytes(StandardCharsets.UTF_8)));
      assertEquals(DeliveryError.OTHER, r.error(), method + ": " + r);
      assertEquals(1, server.requests(), method + ": exactly one request reached the receiver");
      assertEquals(1, server.connections(), method);
    }
  }

  @Test
  void aRequestDroppedOnAPooledConnectionIsNotResentEither() throws IOException {
    for (String method : List.of("POST", "PUT")) {
      // the first request is answered with keep-alive, the second is read and the connection closed
      ScriptedServer server =
          server(
              ex -> {
                if (ex.indexOnConnection == 1) {
                  ex.respond(200, "ok");
                } else {
                  ex.close();
                }
              });
      ApacheHttpSender sender = sender(SETTINGS);
      OutboundRequest request =
          new OutboundRequest(method, server.url("/hook"), List.of(), new byte[] {'1'});
      assertEquals(200, sender.send(request).status());
      SendResult r = sender.send(request);
      assertEquals(DeliveryError.OTHER, r.error(), method + ": " + r);
      assertEquals(2, server.requests(), method + ": the dropped request was not sent again");
      assertEquals(1, server.connections(), method + ": no new connection for a resend");
    }
  }

  @Test
  void aPooledConnectionTheServerClosedIsReplacedNotFailed() throws IOException {
    ScriptedServer server =
        server(
            ex -> {
              ex.respond(200, "ok");
              ex.close(); // without Connection: close, as a server whose idle timeout ran out
            });
    ApacheHttpSender sender = sender(SETTINGS.withStaleCheckAfter(Duration.ZERO));
    assertEquals(200, post(sender, server.url("/hook")).status());
    await(() -> server.ended() == 1, "the server closed the first connection");
    SendResult second = post(sender, server.url("/hook"));
    assertEquals(200, second.status(), second.toString());
    assertEquals(2, server.requests());
    assertEquals(2, server.connections());
  }

  @Test
  void aSlowDripIsCutAtTheTotalTimeout() throws IOException {
    ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
    closing.add(drip::shutdownNow);
    ScriptedServer server =
        server(
            ex -> {
              ex.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
              // one byte every 50 ms: each read is quick, the whole would take 50 s
              drip.scheduleAtFixedRate(
                  () -> {
                    try {
                      ex.write("x");
                    } catch (IOException e) {
                      throw new IllegalStateException(e); // the client hung up: stop dripping
                    }
                  },
                  0,
                  50,
                  TimeUnit.MILLISECONDS);
              ex.awaitClientClose();
            });
    SendResult r = post(sender(SETTINGS), server.url("/hook"));
    assertEquals(DeliveryError.TIMEOUT, r.error(), r.toString());
    assertEquals("no complete response within 700 ms", r.errorDetail());
    assertTrue(r.duration().compareTo(Duration.ofMillis(650)) >= 0, r.toString());
    assertTrue(r.duration().compareTo(Duration.ofSeconds(3)) < 0, r.toString());
  }

  @Test
  void anOversizedBodyIsCutAndItsConnectionClosedNotDrained() throws IOException {
    AtomicInteger clientClosed = new AtomicInteger();
    ScriptedServer server =
        server(
            ex -> {
              if (ex.requestLine.startsWith("POST /big ")) {
                // announces 10 MB, sends 64 KB and waits: a sender that drained would wait for the
                // timeout
                ex.write("HTTP/1.1 200 OK\r\nContent-Length: 10485760\r\n\r\n");
                ex.out().write(new byte[64 * 1024]);
                ex.out().flush();
                if (ex.awaitClientClose()) {
                  clientClosed.incrementAndGet();
                }
                ex.close();
              } else {
                ex.respond(200, "small");
              }
            });
    ApacheHttpSender sender =
        sender(
            new ApacheHttpSender.Settings(
                Duration.ofSeconds(1), Duration.ofSeconds(10), 1024, "t"));
    SendResult big = post(sender, server.url("/big"));
    assertEquals(200, big.status(), big.toString());
    assertTrue(big.truncated());
    assertEquals(1024, big.body().length);
    assertTrue(big.duration().compareTo(Duration.ofSeconds(5)) < 0, "not drained: " + big);
    await(() -> clientClosed.get() == 1, "the sender closed the oversized response's connection");
    assertEquals(200, post(sender, server.url("/small")).status());
    assertEquals(2, server.connections(), "the next request needed a new connection");
  }

  @Test
  void aCompressedBodyIsKeptAsItCameAndNoneIsAskedFor() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
    }
    byte[] compressed = gz.toByteArray();
    ScriptedServer server =
        server(
            ex -> {
              ex.write(
                  "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: "
                      + compressed.length
                      + "\r\n\r\n");
              ex.out().write(compressed);
              ex.out().flush();
            });
    SendResult r =
        sender(SETTINGS).send(new OutboundRequest("GET", server.url("/hook?x=1"), List.of(), null));
    assertEquals(200, r.status(), r.toString());
    assertArrayEquals(compressed, r.body());
    assertEquals("gzip", r.header("content-encoding"));
    ScriptedServer.Exchange got = server.exchanges().iterator().next();
    assertEquals("GET /hook?x=1 HTTP/1.1", got.requestLine);
    assertNull(got.headers.get("accept-encoding"), "no compression asked for: " + got.headers);
    assertNull(got.headers.get("upgrade"), "no TLS upgrade offered: " + got.headers);
    assertNull(got.headers.get("cookie"));
    assertNull(got.headers.get("content-length"), "a GET carries no body");
  }

  @Test
  void anEmptyPostSaysItsLengthIsZero() throws IOException {
    ScriptedServer server = server(ex -> ex.respond(204, ""));
    SendResult r =
        sender(SETTINGS).send(OutboundRequest.post(server.url("/hook"), List.of(), new byte[0]));
    assertEquals(204, r.status(), r.toString());
    ScriptedServer.Exchange got = server.exchanges().iterator().next();
    assertEquals("0", got.headers.get("content-length"));
    assertEquals("test-agent", got.headers.get("user-agent"));
    assertEquals("*/*", got.headers.get("accept"));
    assertEquals("127.0.0.1:" + server.url("/").getPort(), got.headers.get("host"));
  }

  @Test
  void setsNoSystemProperty() throws IOException {
    Map<Object, Object> before = new HashMap<>(System.getProperties());
    ScriptedServer server = server(ex -> ex.respond(200, "ok"));
    try (ApacheHttpSender sender = new ApacheHttpSender(SETTINGS, guard)) {
      assertEquals(200, post(sender, server.url("/hook")).status());
      sender.send(
          OutboundRequest.post(
              URI.create("https://127.0.0.1:" + server.url("/").getPort() + "/"),
              List.of(),
              new byte[0])); // TLS against a plain server fails; it is the set-up that counts
    }
    assertNull(System.getProperty("sun.net.http.allowRestrictedHeaders"));
    assertNull(System.getProperty("sun.net.http.retryPost"));
    assertNull(System.getProperty("http.maxConnections"));
    Properties after = System.getProperties();
    assertEquals(before, new HashMap<>(after), "the sender left every system property as it was");
  }

  @Test
  void ignoresTheJvmWideProxySelector() throws IOException {
    ProxySelector original = ProxySelector.getDefault();
    AtomicInteger asked = new AtomicInteger();
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    InetSocketAddress dead = new InetSocketAddress(InetAddress.getLoopbackAddress(), deadPort);
    ProxySelector.setDefault(
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            asked.incrementAndGet();
            return List.of(new Proxy(Proxy.Type.SOCKS, dead));
          }

          @Override
          public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        });
    try {
      ScriptedServer server = server(ex -> ex.respond(200, "direct"));
      SendResult r = post(sender(SETTINGS), server.url("/hook"));
      assertEquals(200, r.status(), r.toString());
      assertEquals(0, asked.get(), "the JVM's proxy selector was never consulted");
    } finally {
      ProxySelector.setDefault(original);
    }
  }
}
