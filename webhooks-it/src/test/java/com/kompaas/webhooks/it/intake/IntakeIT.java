package com.kompaas.webhooks.it.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.account.boundary.Accounts;
import com.kompaas.webhooks.account.boundary.ApiKeys;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.test.api.ArquillianResource;
import com.kompaas.webhooks.intake.boundary.Events;
import com.kompaas.webhooks.intake.entity.DeadLetter;
import com.kompaas.webhooks.it.Await;
import com.kompaas.webhooks.it.ConsoleHttp;
import com.kompaas.webhooks.it.Deployments;
import com.kompaas.webhooks.platform.boundary.Resources;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Payara Micro: messages sent to the events queue through the Artemis resource adapter are
 * consumed by the MDB and end up as rows in MariaDB, or as dead letters with their reason.
 */
@ExtendWith(ArquillianExtension.class)
class IntakeIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment
  static WebArchive deployment() {
    return Deployments.webhooks(IntakeIT.class);
  }

  @Inject Events events;

  @Resource(lookup = Resources.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Resources.EVENTS_QUEUE_JNDI)
  Queue queue;

  @Resource UserTransaction tx;

  @Inject Accounts accounts;

  @Inject ApiKeys apiKeys;

  @ArquillianResource URL base;

  @BeforeEach
  void accounts() {
    for (String id : List.of("acc-it-1", "acc-it-2", "acc-it-3", "1")) {
      if (!accounts.exists(id)) {
        accounts.createAccount(id, "Intake test " + id);
      }
    }
  }

  @Test
  void consumedMessageBecomesAStoredEvent() throws Exception {
    String id = "it-" + UUID.randomUUID();
    publish(event(id, "acc-it-1", "call.incoming.start", "{\"did\":\"74950000001\",\"waitSeconds\":3}"));

    Await.until("event " + id + " stored", WAIT, () -> events.find("acc-it-1", id).isPresent());
    var stored = events.find("acc-it-1", id).orElseThrow();
    assertEquals("call.incoming.start", stored.getType());
    assertEquals("{\"did\":\"74950000001\",\"waitSeconds\":3}", stored.getData());
  }

  @Test
  void duplicatePublishStoresOneEvent() throws Exception {
    String id = "dup-" + UUID.randomUUID();
    String body = event(id, "acc-it-2", "sms.incoming", "{\"text\":\"hi\"}");
    publish(body);
    publish(body);
    String marker = "after-" + UUID.randomUUID();
    publish(event(marker, "acc-it-2", "sms.incoming", "{}"));

    Await.until("marker stored", WAIT, () -> events.find("acc-it-2", marker).isPresent());
    Await.until("both copies consumed", WAIT, () -> queueIsEmpty());
    long copies =
        events.latest(10_000).stream().filter(e -> e.getExternalId().equals(id)).count();
    assertEquals(1, copies);
  }

  @Test
  void copiesArrivingTogetherAndAfterwardsAreStoredOnce() throws Exception {
    String id = "twin-" + UUID.randomUUID();
    String body = event(id, "acc-it-2", "sms.incoming", "{\"text\":\"twins\"}");
    tx.begin(); // the copies reach the consumer's sessions at once, so they may share a transaction
    try (JMSContext context = connectionFactory.createContext()) {
      for (int i = 0; i < 6; i++) {
        context.createProducer().send(queue, body);
        context.createProducer().send(queue, event("other-" + UUID.randomUUID(), "acc-it-2", "sms.incoming", "{}"));
      }
    }
    tx.commit();
    publish(body); // and once more after the first copy is stored
    String marker = "after-" + UUID.randomUUID();
    publish(event(marker, "acc-it-2", "sms.incoming", "{}"));

    Await.until("marker stored", WAIT, () -> events.find("acc-it-2", marker).isPresent());
    Await.until("all copies consumed", WAIT, () -> queueIsEmpty());
    assertEquals(1, events.latest(10_000).stream().filter(e -> e.getExternalId().equals(id)).count());
  }

  @Test
  void malformedMessageIsDeadLetteredWithReasonAndTheQueueKeepsFlowing() throws Exception {
    String garbage = "{not json " + UUID.randomUUID();
    publish(garbage);
    String id = "after-garbage-" + UUID.randomUUID();
    publish(event(id, "acc-it-3", "sms.status", "{}"));

    Await.until("valid event after garbage stored", WAIT, () -> events.find("acc-it-3", id).isPresent());
    Await.until("garbage dead-lettered", WAIT, () -> deadLetter(garbage) != null);
    DeadLetter letter = deadLetter(garbage);
    assertEquals(DeadLetter.Source.JMS, letter.getSource());
    assertTrue(letter.getReason().startsWith("malformed JSON"), letter.getReason());
  }

  @Test
  void contractViolationsAreDeadLetteredEachWithItsReason() throws Exception {
    String tag = UUID.randomUUID().toString();
    List<String[]> cases =
        List.of(
            new String[] {"{\"tag\":\"" + tag + "-1\",\"type\":\"a.b\",\"accountId\":\"1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}}", "id is missing"},
            new String[] {"{\"tag\":\"" + tag + "-2\",\"id\":\"x\",\"type\":\"a.b\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}}", "accountId is missing"},
            new String[] {"{\"tag\":\"" + tag + "-3\",\"id\":\"x\",\"type\":\"a.b\",\"accountId\":\"1\",\"occurredAt\":\"soon\",\"data\":{}}", "occurredAt"},
            new String[] {"{\"id\":\"" + tag + "-6\",\"type\":\"sms.incoming\",\"accountId\":\"nobody-" + tag + "\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}}", "is not a known account"},
            new String[] {"{\"id\":\"" + tag + "-5\",\"type\":\"call.teleport.start\",\"accountId\":\"1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}}", "not in the event catalogue"},
            new String[] {"{\"tag\":\"" + tag + "-4\",\"pad\":\"" + "x".repeat(300 * 1024) + "\"}", "more than the limit"});
    for (String[] c : cases) {
      publish(c[0]);
    }
    for (String[] c : cases) {
      Await.until("dead letter for " + c[1], WAIT, () -> deadLetter(c[0]) != null);
      DeadLetter letter = deadLetter(c[0]);
      assertTrue(letter.getReason().contains(c[1]), letter.getReason());
    }
    DeadLetter oversized = deadLetter(cases.get(5)[0]);
    assertTrue(oversized.isBodyTruncated());
    assertEquals(cases.get(5)[0].length(), oversized.getBodyLength());
  }

  @Test
  void httpIntakeStoresOnceAndAnswersWithFieldErrors() throws Exception {
    String key = apiKeys.issue("acc-it-1", "http intake", "test").key();
    String id = "http-" + UUID.randomUUID();
    String body = event(id, "acc-it-1", "sms.incoming", "{\"text\":\"via http\"}");

    HttpResponse<String> first = post(body, key);
    assertEquals(202, first.statusCode(), first.body());
    long stored = events.find("acc-it-1", id).orElseThrow().getId();
    assertTrue(first.body().contains("\"eventId\":" + stored), first.body());
    assertTrue(first.body().contains("\"duplicate\":false"), first.body());

    HttpResponse<String> again = post(body, key);
    assertEquals(202, again.statusCode());
    assertTrue(again.body().contains("\"eventId\":" + stored) && again.body().contains("\"duplicate\":true"), again.body());

    HttpResponse<String> bad = post("{\"id\":\"x\",\"type\":\"sms.incoming\",\"accountId\":\"acc-it-1\",\"occurredAt\":\"later\",\"data\":{}}", key);
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("\"field\":\"occurredAt\""), bad.body());

    HttpResponse<String> foreign = post(event("f-" + UUID.randomUUID(), "acc-it-2", "sms.incoming", "{}"), key);
    assertEquals(400, foreign.statusCode(), "an account key cannot submit another account's events");
    assertTrue(foreign.body().contains("\"field\":\"accountId\""), foreign.body());

    assertEquals(401, post(body, null).statusCode());
    assertEquals(401, post(body, "wh_not-a-key").statusCode());
  }

  private HttpResponse<String> post(String json, String key) throws Exception {
    var request = HttpRequest.newBuilder(ConsoleHttp.anonymous(base.toURI()).resolve("/api/v1/events"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private DeadLetter deadLetter(String body) {
    String prefix = body.substring(0, Math.min(body.length(), 200));
    return events.latestDeadLetters(500).stream()
        .filter(d -> d.getBody() != null && d.getBody().startsWith(prefix))
        .findFirst()
        .orElse(null);
  }

  private boolean queueIsEmpty() {
    try (JMSContext context = connectionFactory.createContext()) {
      return !context.createBrowser(queue).getEnumeration().hasMoreElements();
    } catch (jakarta.jms.JMSException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends inside a JTA transaction: the adapter enlists there and sends nothing outside one. */
  private void publish(String body) throws Exception {
    tx.begin();
    try (JMSContext context = connectionFactory.createContext()) {
      context.createProducer().send(queue, body);
    }
    tx.commit();
  }

  static String event(String id, String account, String type, String data) {
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"accountId\":\"" + account
        + "\",\"occurredAt\":\"2026-11-28T10:00:00Z\",\"data\":" + data + "}";
  }
}
