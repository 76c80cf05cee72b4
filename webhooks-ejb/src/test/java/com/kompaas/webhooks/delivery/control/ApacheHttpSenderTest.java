package com.kompaas.webhooks.delivery.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.delivery.entity.DeliveryError;
import com.kompaas.webhooks.outbound.control.AddressGuard;
import com.kompaas.webhooks.outbound.control.AddressGuardTest;
import com.kompaas.webhooks.outbound.control.HeaderRules;
import com.kompaas.webhooks.outbound.control.HostResolver;
import com.kompaas.webhooks.outbound.control.SecretRing;
import com.kompaas.webhooks.outbound.control.SigningSecret;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real requests to a receiver on 127.0.0.1, which the guard allow-lists for these tests only. */
class ApacheHttpSenderTest {

  /** What reached the receiver. */
  record Received(
      String method, String path, Map<String, List<String>> headers, byte[] body, int clientPort) {}

  private HttpServer server;
  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private final AtomicInteger connectionsSeen = new AtomicInteger();
  private final CountDownLatch releaseSlow = new CountDownLatch(1);
  private ApacheHttpSender sender;
  private AddressGuard guard;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/ok", ex -> reply(ex, 200, "thanks"));
    server.createContext("/boom", ex -> reply(ex, 500, "broken"));
    server.createContext("/gone", ex -> reply(ex, 410, ""));
    server.createContext(
        "/redirect",
        ex -> {
          ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
          reply(ex, 302, "");
        });
    server.createContext(
        "/busy",
        ex -> {
          ex.getResponseHeaders().add("Retry-After", "120");
          reply(ex, 429, "slow down");
        });
    server.createContext("/big", ex -> reply(ex, 200, "x".repeat(100_000)));
    server.createContext(
        "/slow",
        ex -> {
          record(ex);
          try {
            releaseSlow.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(ex, 200, "late");
        });
    server.start();
    HostResolver resolver =
        AddressGuardTest.names(
            Map.of(
                "receiver.test", List.of("127.0.0.1"),
                "metadata.test", List.of("169.254.169.254"),
                "private.test", List.of("10.0.0.1")));
    guard = AddressGuard.parse("127.0.0.1/32", resolver);
    sender =
        new ApacheHttpSender(
            new ApacheHttpSender.Settings(
                Duration.ofMillis(500), Duration.ofMillis(700), 1024, "test-agent"),
            guard);
  }

  @AfterEach
  void stop() {
    releaseSlow.countDown();
    server.stop(0);
    sender.close();
  }

  private void reply(HttpExchange ex, int status, String body) throws IOException {
    record(ex);
    respond(ex, status, body);
  }

  private void record(HttpExchange ex) throws IOException {
    received.add(
        new Received(
            ex.getRequestMethod(),
            ex.getRequestURI().toString(),
            Map.copyOf(ex.getRequestHeaders()),
            ex.getRequestBody().readAllBytes(),
            ex.getRemoteAddress().getPort()));
  }

  private static void respond(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try {
      ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        ex.getResponseBody().write(bytes);
      }
    } catch (IOException e) {
      // the client gave up first; that is what the timeout test wants
    } finally {
      ex.close();
    }
  }

  private URI url(String host, String path) {
    return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
  }

  private SendResult post(URI url, String body) {
    return sender.send(
        OutboundRequest.post(
            url,
            List.of(
                new OutboundRequest.Header("Content-Type", "application/json"),
                new OutboundRequest.Header("webhook-id", "dlv_1")),
            body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String header(Received r, String name) {
    return r.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(e -> e.getValue().get(0))
        .findFirst()
        .orElse(null);
  }

  @Test
  void deliversTheExactRequestAndReadsTheResponse() {
    SendResult r = post(url("127.0.0.1", "/ok?a=1&b=%20"), "{\"n\":1}");
    assertEquals(200, r.status(), r.toString());
    assertEquals("thanks", new String(r.body(), StandardCharsets.UTF_8));
    assertFalse(r.truncated());
    assertTrue(new OutcomeClassifier().classify(r, Instant.now()).delivered());

    Received got = received.remove();
    assertEquals("POST", got.method());
    assertEquals("/ok?a=1&b=%20", got.path());
    assertArrayEquals("{\"n\":1}".getBytes(StandardCharsets.UTF_8), got.body());
    assertEquals("application/json", header(got, "Content-Type"));
    assertEquals("dlv_1", header(got, "webhook-id"));
    assertEquals("test-agent", header(got, "User-Agent"));
    assertEquals("127.0.0.1:" + server.getAddress().getPort(), header(got, "Host"));
  }

  @Test
  void allowListedNameKeepsItsHostHeaderWhileConnectingToTheCheckedAddress() {
    AddressGuard byName =
        AddressGuard.parse(
            "receiver.test", AddressGuardTest.names(Map.of("receiver.test", List.of("127.0.0.1"))));
    try (ApacheHttpSender s = new ApacheHttpSender(ApacheHttpSender.Settings.defaults(), byName)) {
      SendResult r =
          s.send(OutboundRequest.post(url("receiver.test", "/ok"), List.of(), new byte[0]));
      assertEquals(200, r.status(), r.toString());
    }
    assertEquals(
        "receiver.test:" + server.getAddress().getPort(), header(received.remove(), "Host"));
  }

  @Test
  void serverErrorIsAFailedAttemptWithItsBody() {
    SendResult r = post(url("127.0.0.1", "/boom"), "{}");
    assertEquals(500, r.status());
    assertEquals("broken", new String(r.body(), StandardCharsets.UTF_8));
    assertEquals(
        DeliveryError.HTTP_STATUS, new OutcomeClassifier().classify(r, Instant.now()).error());
  }

  @Test
  void redirectIsNotFollowed() {
    SendResult r = post(url("127.0.0.1", "/redirect"), "{}");
    assertEquals(302, r.status());
    assertEquals("http://169.254.169.254/latest/meta-data/", r.header("location"));
    assertEquals(1, received.size());
    assertEquals(
        AttemptOutcome.Verdict.FAILED,
        new OutcomeClassifier().classify(r, Instant.now()).verdict());
  }

  @Test
  void goneAndTooManyRequests() {
    var classifier = new OutcomeClassifier();
    assertEquals(
        AttemptOutcome.Verdict.GONE,
        classifier.classify(post(url("127.0.0.1", "/gone"), "{}"), Instant.now()).verdict());
    AttemptOutcome busy = classifier.classify(post(url("127.0.0.1", "/busy"), "{}"), Instant.now());
    assertEquals(429, busy.status());
    assertEquals(Duration.ofSeconds(120), busy.retryAfterHint().orElseThrow());
  }

  @Test
  void slowEndpointTimesOut() {
    SendResult r = post(url("127.0.0.1", "/slow"), "{}");
    assertEquals(DeliveryError.TIMEOUT, r.error(), r.toString());
    assertTrue(r.duration().compareTo(Duration.ofMillis(650)) >= 0, r.toString());
  }

  @Test
  void closedPortIsRefused() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    SendResult r =
        sender.send(
            OutboundRequest.post(
                URI.create("http://127.0.0.1:" + closed + "/"), List.of(), new byte[0]));
    assertEquals(DeliveryError.CONNECTION_REFUSED, r.error(), r.toString());
  }

  @Test
  void oversizedBodyIsTruncatedAtTheCap() {
    SendResult r = post(url("127.0.0.1", "/big"), "{}");
    assertEquals(200, r.status());
    assertEquals(1024, r.body().length);
    assertTrue(r.truncated());
  }

  @Test
  void unknownHostIsADnsError() {
    SendResult r = post(url("nowhere.test", "/ok"), "{}");
    assertEquals(DeliveryError.DNS, r.error(), r.toString());
  }

  @Test
  void blockedAddressesAreRefusedBeforeAnyTraffic() {
    // none of these is ever contacted: the guard refuses them before a socket is opened
    for (String target :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/",
            "http://metadata.test/",
            "http://private.test:8080/x",
            "https://private.test/x",
            "https://169.254.169.254/",
            "http://127.0.0.2:" + server.getAddress().getPort() + "/ok")) {
      SendResult r = sender.send(OutboundRequest.post(URI.create(target), List.of(), new byte[0]));
      assertEquals(DeliveryError.BLOCKED_ADDRESS, r.error(), target + " -> " + r);
      assertTrue(r.errorDetail().contains("refused:"), r.errorDetail());
      assertTrue(r.duration().compareTo(Duration.ofMillis(400)) < 0, "no connect attempt: " + r);
    }
    assertTrue(received.isEmpty());
  }

  @Test
  void aNameThatRebindsToAnInternalAddressAfterTheSaveIsRefusedAtConnectTime() {
    // public when the webhook is saved, loopback when the request goes out: DNS rebinding
    java.util.concurrent.atomic.AtomicInteger lookups =
        new java.util.concurrent.atomic.AtomicInteger();
    HostResolver rebinding =
        host ->
            List.of(
                InetAddress.getByName(
                    lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1"));
    AddressGuard strict = AddressGuard.parse("", rebinding);
    URI url = url("rebind.test", "/ok");
    strict.checkAtSave(url);
    try (ApacheHttpSender s = new ApacheHttpSender(ApacheHttpSender.Settings.defaults(), strict)) {
      SendResult r = s.send(OutboundRequest.post(url, List.of(), new byte[0]));
      assertEquals(DeliveryError.BLOCKED_ADDRESS, r.error(), r.toString());
      assertTrue(r.errorDetail().contains("rebind.test resolves to 127.0.0.1"), r.errorDetail());
    }
    assertEquals(
        2, lookups.get(), "one lookup at save, one at connect, and the connect used its own");
    assertTrue(received.isEmpty(), "nothing reached the receiver: " + received);
  }

  @Test
  void keepsTheConnectionAlive() {
    for (int i = 0; i < 5; i++) {
      assertEquals(200, post(url("127.0.0.1", "/ok"), "{}").status());
    }
    assertEquals(5, received.size());
    assertEquals(
        1,
        received.stream().mapToInt(Received::clientPort).distinct().count(),
        "all five requests over one connection");
  }

  @Test
  void getCarriesNoBodyAndReservedHeadersAreRefused() {
    SendResult r =
        sender.send(new OutboundRequest("GET", url("127.0.0.1", "/ok?x=1"), List.of(), null));
    assertEquals(200, r.status());
    Received got = received.remove();
    assertEquals("GET", got.method());
    assertEquals(0, got.body().length);
    for (String name : List.of("Host", "content-length", "Transfer-Encoding", "Connection")) {
      assertThrowsIllegal(() -> new OutboundRequest.Header(name, "x"));
    }
    assertThrowsIllegal(() -> new OutboundRequest.Header("X-A", "v\r\nX-Injected: 1"));
    assertThrowsIllegal(() -> new OutboundRequest.Header("X A", "v"));
    assertThrowsIllegal(() -> new OutboundRequest("PATCH", url("127.0.0.1", "/"), List.of(), null));
    assertThrowsIllegal(
        () -> new OutboundRequest("GET", url("127.0.0.1", "/"), List.of(), new byte[1]));
    assertNull(received.peek());
  }

  @Test
  void refusesAtConnectTimeWhatTheWebhookFormRefusesAtSave() {
    // 127.0.0.1 is allow-listed here and Java alone would reach the receiver with each of these;
    // the sender refuses them with the same check as the save, before any traffic
    int port = server.getAddress().getPort();
    for (String target :
        List.of(
            "http://127.000.000.001:" + port + "/ok",
            "http://2130706433:" + port + "/ok",
            "http://127.0.0.01:" + port + "/ok",
            "https://127.000.000.001:" + port + "/ok",
            "http://ivan:hunter2@127.0.0.1:" + port + "/ok",
            "http://127.0.0.1:99999/ok",
            "http://127.0.0.1:0/ok")) {
      SendResult r = sender.send(OutboundRequest.post(URI.create(target), List.of(), new byte[0]));
      assertEquals(DeliveryError.BLOCKED_ADDRESS, r.error(), target + " -> " + r);
      assertTrue(r.errorDetail().startsWith("refused: "), target + " -> " + r.errorDetail());
      assertFalse(r.errorDetail().contains("hunter2"), r.errorDetail());
    }
    assertTrue(received.isEmpty(), "nothing reached the receiver: " + received);
  }

  @Test
  void everyHeaderAWebhookMaySetReachesTheReceiver() {
    // names some HTTP clients restrict or own, and others a receiver may ask for
    List<String> names =
        List.of(
            "Authorization",
            "X-Api-Key",
            "User-Agent",
            "Accept",
            "Origin",
            "Via",
            "Cookie",
            "Date",
            "Referer",
            "Content-Transfer-Encoding",
            "Access-Control-Request-Method",
            "Proxy-Authenticate",
            "Webhook-Version",
            "X-!#$%&'*+.^_`|~");
    List<OutboundRequest.Header> headers =
        names.stream()
            .peek(
                n -> assertTrue(HeaderRules.userHeaderProblem(n, "v").isEmpty(), n + " is refused"))
            .map(n -> new OutboundRequest.Header(n, "v-" + n))
            .toList();
    SendResult r = sender.send(OutboundRequest.post(url("127.0.0.1", "/ok"), headers, new byte[0]));
    assertEquals(200, r.status(), r.toString());
    Received got = received.remove();
    for (String n : names) {
      assertEquals("v-" + n, header(got, n), n);
    }
  }

  @Test
  void aGetReceiverVerifiesTheSignatureOverTheUrlItWasCalledAt() {
    Instant now = Instant.now();
    SigningSecret secret = SigningSecret.generate(new java.security.SecureRandom());
    var rendered =
        new com.kompaas.webhooks.subscription.control.RenderedRequest(
            com.kompaas.webhooks.subscription.entity.HttpMethod.GET,
            url("127.0.0.1", "/ok?did=74951234567&who=%2B7916").toString(),
            List.of(),
            null,
            null);
    OutboundRequest request =
        new RequestBuilder().build(rendered, "msg_7", now, SecretRing.of(secret));
    assertEquals(200, sender.send(request).status());

    // what a receiver has: the Host header, the request target and the three signing headers
    Received got = received.remove();
    String calledAt = "http://" + header(got, "Host") + got.path();
    new StandardWebhooksVerifier(secret.value())
        .verify(
            header(got, "webhook-id"),
            header(got, "webhook-timestamp"),
            header(got, "webhook-signature"),
            ("GET " + calledAt).getBytes(StandardCharsets.UTF_8),
            now);
  }

  private static void assertThrowsIllegal(org.junit.jupiter.api.function.Executable e) {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
  }
}
