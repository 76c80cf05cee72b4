package com.kompaas.webhooks.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.delivery.entity.DeliveryError;
import com.kompaas.webhooks.outbound.control.UnsafeAddressException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutcomeClassifierTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private final OutcomeClassifier classifier = new OutcomeClassifier();

  private static SendResult status(int status, Map<String, List<String>> headers) {
    return SendResult.response(NOW, Duration.ofMillis(3), status, headers, new byte[0], false);
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 202, 204, 299})
  void onlyTwoHundredsDeliver(int code) {
    AttemptOutcome o = classifier.classify(status(code, Map.of()), NOW);
    assertTrue(o.delivered());
    assertEquals(code, o.status());
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 301, 302, 307, 308, 400, 401, 404, 500, 502})
  void everythingElseFailsAndRetries(int code) {
    AttemptOutcome o = classifier.classify(status(code, Map.of()), NOW);
    assertEquals(AttemptOutcome.Verdict.FAILED, o.verdict());
    assertEquals(DeliveryError.HTTP_STATUS, o.error());
  }

  @Test
  void redirectIsAFailureThatSaysWhereItPointed() {
    AttemptOutcome o =
        classifier.classify(
            status(302, Map.of("Location", List.of("http://169.254.169.254/"))), NOW);
    assertEquals(AttemptOutcome.Verdict.FAILED, o.verdict());
    assertTrue(o.detail().contains("not followed"), o.detail());
  }

  @Test
  void goneDisablesTheWebhook() {
    AttemptOutcome o = classifier.classify(status(410, Map.of()), NOW);
    assertEquals(AttemptOutcome.Verdict.GONE, o.verdict());
  }

  @Test
  void tooManyRequestsAndUnavailableCarryRetryAfter() {
    assertEquals(
        Optional.of(Duration.ofSeconds(42)),
        classifier
            .classify(status(429, Map.of("retry-after", List.of("42"))), NOW)
            .retryAfterHint());
    assertEquals(
        Optional.of(Duration.ofSeconds(60)),
        classifier
            .classify(
                status(503, Map.of("Retry-After", List.of("Sun, 01 Mar 2026 10:01:00 GMT"))), NOW)
            .retryAfterHint());
    assertEquals(
        Optional.empty(),
        classifier
            .classify(status(500, Map.of("Retry-After", List.of("42"))), NOW)
            .retryAfterHint());
  }

  @Test
  void errorsAreClassifiedThroughTheirCauses() {
    assertEquals(
        DeliveryError.TIMEOUT,
        OutcomeClassifier.errorOf(new SocketTimeoutException("Read timed out")));
    assertEquals(
        DeliveryError.CONNECTION_REFUSED,
        OutcomeClassifier.errorOf(new ConnectException("Connection refused")));
    assertEquals(
        DeliveryError.DNS, OutcomeClassifier.errorOf(new UnknownHostException("nope.invalid")));
    assertEquals(
        DeliveryError.TLS,
        OutcomeClassifier.errorOf(new SSLHandshakeException("PKIX path building failed")));
    assertEquals(
        DeliveryError.BLOCKED_ADDRESS,
        OutcomeClassifier.errorOf(
            new IOException("wrapped", new UnsafeAddressException("refused: 10.0.0.1"))));
    assertEquals(
        DeliveryError.TIMEOUT,
        OutcomeClassifier.errorOf(
            new IOException("chained", new SocketTimeoutException("connect timed out"))));
    assertEquals(
        DeliveryError.OTHER, OutcomeClassifier.errorOf(new IOException("Unexpected end of file")));
  }

  @Test
  void theHttpClientsOwnExceptionsAreClassifiedByWhatTheyExtend() {
    var target = new org.apache.hc.core5.http.HttpHost("http", "receiver.example", 80);
    assertEquals(
        DeliveryError.TIMEOUT,
        OutcomeClassifier.errorOf(
            new org.apache.hc.client5.http.ConnectTimeoutException("Connect timed out")));
    assertEquals(
        DeliveryError.TIMEOUT,
        OutcomeClassifier.errorOf(
            new org.apache.hc.core5.http.ConnectionRequestTimeoutException("Timeout deadline")));
    assertEquals(
        DeliveryError.CONNECTION_REFUSED,
        OutcomeClassifier.errorOf(
            new org.apache.hc.client5.http.HttpHostConnectException(
                "Connect to receiver.example failed: refused", target)));
    assertEquals(
        DeliveryError.OTHER,
        OutcomeClassifier.errorOf(
            new org.apache.hc.core5.http.NoHttpResponseException(
                "receiver.example:80 failed to respond")));
  }

  @Test
  void failureWithoutResponseKeepsItsError() {
    AttemptOutcome o =
        classifier.classify(
            SendResult.failure(
                NOW, Duration.ofSeconds(5), DeliveryError.TIMEOUT, "connect timed out"),
            NOW);
    assertEquals(AttemptOutcome.Verdict.FAILED, o.verdict());
    assertEquals(DeliveryError.TIMEOUT, o.error());
    assertEquals(0, o.status());
  }
}
