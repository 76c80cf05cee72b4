package com.kompaas.webhooks.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver over real HTTP, as the application's senders reach it. */
class ReceiverTest {

  private Receiver receiver;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws Exception {
    receiver = new Receiver(100, 1);
  }

  @AfterEach
  void stop() throws Exception {
    receiver.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + path))
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void stampsArrivalUnderTheMessageIdAndAnswers200WithNoBody() throws Exception {
    long before = System.nanoTime();
    HttpResponse<String> response = post("/hook/3", "{\"messageId\":\"42\",\"text\":\"hi\"}");
    long after = System.nanoTime();

    assertEquals(200, response.statusCode());
    assertEquals("", response.body());
    long at = receiver.arrival(42);
    assertTrue(at >= before && at <= after, "stamped with this JVM's nanoTime during the request");
    assertEquals(0, receiver.arrival(41));
    assertEquals(1, receiver.received());
  }

  @Test
  void countsASecondRequestForTheSameMessageAsADuplicateAndKeepsTheFirstStamp() throws Exception {
    post("/hook/1", "{\"messageId\":\"7\"}");
    long first = receiver.arrival(7);
    post("/hook/1", "{\"messageId\":\"7\"}");

    assertEquals(first, receiver.arrival(7));
    assertEquals(1, receiver.duplicates());
    assertEquals(2, receiver.received());
  }

  @Test
  void countsABodyWithoutAUsableMessageIdAsUnparsed() throws Exception {
    assertEquals(200, post("/hook/1", "{\"text\":\"no id\"}").statusCode());
    assertEquals(
        200, post("/hook/1", "{\"messageId\":\"100000\"}").statusCode()); // beyond capacity

    assertEquals(2, receiver.unparsed());
    assertEquals(0, receiver.duplicates());
  }

  @Test
  void servesManyRequestsOnOneKeptAliveConnection() throws Exception {
    for (int i = 0; i < 50; i++) {
      assertEquals(200, post("/hook/1", "{\"messageId\":\"" + i + "\"}").statusCode());
    }
    for (int i = 0; i < 50; i++) {
      assertNotEquals(0, receiver.arrival(i), "message " + i);
    }
  }

  @Test
  void holdsADeadEndpointRequestUnansweredUntilReleased() throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/dead"))
            .timeout(Duration.ofMillis(500))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    var error =
        assertThrows(
            java.util.concurrent.ExecutionException.class,
            () ->
                client
                    .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .get(5, TimeUnit.SECONDS));
    assertTrue(error.getCause() instanceof HttpTimeoutException, error.toString());
    assertEquals(1, receiver.deadRequests());

    CompletableFuture<HttpResponse<String>> held =
        client.sendAsync(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/dead"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (receiver.deadRequests() < 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertFalse(held.isDone());
    receiver.releaseHeld();
    // released: the connection is closed, which the client reports at once
    assertThrows(
        java.util.concurrent.ExecutionException.class, () -> held.get(5, TimeUnit.SECONDS));
  }

  @Test
  void readsTheSequenceNumberWithoutAJsonParser() {
    assertEquals(123, Receiver.sequence("{\"a\":1,\"messageId\":\"123\"}".getBytes()));
    assertEquals(-1, Receiver.sequence("{\"messageId\":\"x1\"}".getBytes()));
    assertEquals(-1, Receiver.sequence("{}".getBytes()));
  }
}
