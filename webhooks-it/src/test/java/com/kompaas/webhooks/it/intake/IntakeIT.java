package com.kompaas.webhooks.it.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.account.boundary.Accounts;
import com.kompaas.webhooks.account.boundary.ApiKeys;
import com.kompaas.webhooks.intake.boundary.Events;
import com.kompaas.webhooks.intake.entity.DeadLetter;
import com.kompaas.webhooks.it.Await;
import com.kompaas.webhooks.it.ConsoleHttp;
import com.kompaas.webhooks.it.Deployments;
import com.kompaas.webhooks.it.EventMessages;
import com.kompaas.webhooks.platform.boundary.Resources;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Payara Micro: messages sent to the events queue through the Artemis resource adapter are
 * consumed by the intake's consumers and end up as rows in MariaDB, or as dead letters with their
 * reason.
 */
@ExtendWith(ArquillianExtension.class)
class IntakeIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment
  static WebArchive deployment() {
    return Deployments.webhooks(IntakeIT.class, EventsQueue.class, DataRefusingFanOut.class);
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
    publish(
        event(
            id, "acc-it-1", "call.incoming.start", "{\"did\":\"74950000001\",\"waitSeconds\":3}"));

    Await.until("event " + id + " stored", WAIT, () -> events.find("acc-it-1", id).isPresent());
    var stored = events.find("acc-it-1", id).orElseThrow();
    assertEquals("call.incoming.start", stored.getType());
    assertEquals("{\"did\":\"74950000001\",\"waitSeconds\":3}", stored.getData());
  }

  @Test
  void duplicatePublishStoresOneEvent() throws Exception {
    String id = "dup-" + UUID.randomUUID();
    String body = event(id, "acc-it-2", "sms.incoming", "{\"text\":\"hi\"}");
    long added = EventsQueue.added();
    publish(body);
    publish(body);

    Await.until("both copies consumed", WAIT, () -> EventsQueue.consumed(added + 2));
    long copies = events.latest(10_000).stream().filter(e -> e.getExternalId().equals(id)).count();
    assertEquals(1, copies);
  }

  @Test
  void copiesArrivingTogetherAndAfterwardsAreStoredOnce() throws Exception {
    String id = "twin-" + UUID.randomUUID();
    String body = event(id, "acc-it-2", "sms.incoming", "{\"text\":\"twins\"}");
    long added = EventsQueue.added();
    tx.begin(); // the copies reach the consumer's sessions at once, so they may share a transaction
    try (JMSContext context = connectionFactory.createContext()) {
      for (int i = 0; i < 6; i++) {
        context.createProducer().send(queue, body);
        context
            .createProducer()
            .send(queue, event("other-" + UUID.randomUUID(), "acc-it-2", "sms.incoming", "{}"));
      }
    }
    tx.commit();
    Await.until("first copy stored", WAIT, () -> events.find("acc-it-2", id).isPresent());
    publish(body); // and once more after the first copy is stored

    Await.until("all copies consumed", WAIT, () -> EventsQueue.consumed(added + 13));
    assertEquals(
        1, events.latest(10_000).stream().filter(e -> e.getExternalId().equals(id)).count());
  }

  @Test
  void malformedMessageIsDeadLetteredWithReasonAndTheQueueKeepsFlowing() throws Exception {
    String garbage = "{not json " + UUID.randomUUID();
    publish(garbage);
    String id = "after-garbage-" + UUID.randomUUID();
    publish(event(id, "acc-it-3", "sms.status", "{}"));

    Await.until(
        "valid event after garbage stored", WAIT, () -> events.find("acc-it-3", id).isPresent());
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
            new String[] {
              "{\"tag\":\""
                  + tag
                  + "-1\",\"type\":\"a.b\",\"accountId\":\"1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}}",
              "id is missing"
            },
            new String[] {
              "{\"tag\":\""
                  + tag
                  + "-2\",\"id\":\"x\",\"type\":\"a.b\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}}",
              "accountId is missing"
            },
            new String[] {
              "{\"tag\":\""
                  + tag
                  + "-3\",\"id\":\"x\",\"type\":\"a.b\",\"accountId\":\"1\",\"occurredAt\":\"soon\",\"data\":{}}",
              "occurredAt"
            },
            new String[] {
              "{\"id\":\""
                  + tag
                  + "-6\",\"type\":\"sms.incoming\",\"accountId\":\"nobody-"
                  + tag
                  + "\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}}",
              "is not a known account"
            },
            new String[] {
              "{\"id\":\""
                  + tag
                  + "-5\",\"type\":\"call.teleport.start\",\"accountId\":\"1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}}",
              "not in the event catalogue"
            },
            new String[] {
              "{\"tag\":\"" + tag + "-4\",\"pad\":\"" + "x".repeat(300 * 1024) + "\"}",
              "more than the limit"
            });
    try (var backoff = new StoringFailures()) {
      for (String[] c : cases) {
        publish(c[0]);
      }
      for (String[] c : cases) {
        Await.until("dead letter for " + c[1], WAIT, () -> deadLetter(c[0]) != null);
        DeadLetter letter = deadLetter(c[0]);
        assertTrue(letter.getReason().contains(c[1]), letter.getReason());
      }
      // the account and catalogue look-ups behind these refusals are reads, never a storing failure
      assertEquals(
          List.of(),
          backoff.seen,
          "a refused message must never pause the intake as an outage does");
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
    assertTrue(
        again.body().contains("\"eventId\":" + stored)
            && again.body().contains("\"duplicate\":true"),
        again.body());

    HttpResponse<String> bad =
        post(
            "{\"id\":\"x\",\"type\":\"sms.incoming\",\"accountId\":\"acc-it-1\",\"occurredAt\":\"later\",\"data\":{}}",
            key);
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("\"field\":\"occurredAt\""), bad.body());

    HttpResponse<String> foreign =
        post(event("f-" + UUID.randomUUID(), "acc-it-2", "sms.incoming", "{}"), key);
    assertEquals(
        400, foreign.statusCode(), "an account key cannot submit another account's events");
    assertTrue(foreign.body().contains("\"field\":\"accountId\""), foreign.body());

    assertEquals(401, post(body, null).statusCode());
    assertEquals(401, post(body, "wh_not-a-key").statusCode());
  }

  /**
   * The bodies the hardening barrage found retried for ever, each delaying every other event by the
   * intake's outage back-off: each is a dead letter with its reason now, and the valid events sent
   * between them are stored without the intake ever pausing.
   */
  @Test
  void bodiesThatWereRetriedForeverAreDeadLetteredAndHoldNoValidEventBack() throws Exception {
    String tag = UUID.randomUUID().toString();
    String deep = "[".repeat(1001) + "]".repeat(1001);
    String[][] bad = {
      {
        event("deep-" + tag, "acc-it-3", "sms.incoming", "{\"a\":" + deep + "}"),
        "data is nested deeper than the limit"
      },
      {
        event("number-" + tag, "acc-it-3", "sms.incoming", "{\"n\":" + "1".repeat(1200) + "}"),
        "data: /data/n is a number of 1200 characters"
      },
      {
        event("far-" + tag, "acc-it-3", "sms.incoming", "{}")
            .replace("2026-11-28T10:00:00Z", "+10000-01-01T00:00:00Z"),
        "outside the range that can be stored"
      },
      {
        event("bc-" + tag, "acc-it-3", "sms.incoming", "{}")
            .replace("2026-11-28T10:00:00Z", "-0001-01-01T00:00:00Z"),
        "outside the range that can be stored"
      },
      {
        event("lone-" + tag + "\\ud800", "acc-it-3", "sms.incoming", "{}"),
        "id has a text with a lone surrogate (U+D800"
      },
      {
        event("lone-" + tag + "\\udc00", "acc-it-3", "sms.incoming", "{}"),
        "id has a text with a lone surrogate (U+DC00"
      },
      {
        event("first-" + tag, "acc-it-3", "sms.incoming", "{}")
            + event("second-" + tag, "acc-it-3", "sms.incoming", "{}"),
        "body has more after its JSON object"
      },
      {
        event("nul-" + tag, "acc-it-3", "sms.incoming", "{}") + "\u0000\u0000",
        "body has more after its JSON object"
      },
      {
        event("twice-" + tag, "acc-it-3", "sms.incoming", "{}")
            .replace("\"data\"", "\"accountId\":\"acc-it-1\",\"data\""),
        "accountId appears twice"
      },
      {
        event(" padded-" + tag + " ", "acc-it-3", "sms.incoming", "{}"),
        "id has white space at its start or end"
      },
    };
    List<String> valid = new java.util.ArrayList<>();
    var backoff = new StoringFailures();
    try {
      tx.begin(); // all at once, so that they reach the consumer's sessions together and share
      // batches
      try (JMSContext context = connectionFactory.createContext()) {
        for (String[] b : bad) {
          context.createProducer().send(queue, b[0]);
          String id = "valid-" + valid.size() + "-" + tag;
          valid.add(id);
          context.createProducer().send(queue, event(id, "acc-it-3", "sms.incoming", "{}"));
        }
      }
      tx.commit();
      for (String id : valid) {
        Await.until(
            "valid event " + id + " stored", WAIT, () -> events.find("acc-it-3", id).isPresent());
      }
      for (String[] b : bad) {
        Await.until("dead letter for " + b[1], WAIT, () -> deadLetter(b[0]) != null);
        String reason = deadLetter(b[0]).getReason();
        assertTrue(reason.contains(b[1]), reason);
      }
    } finally {
      backoff.close();
    }
    assertEquals(
        List.of(),
        backoff.seen,
        "a message's own content must never pause the intake as an outage does");
    assertTrue(
        events.find("acc-it-3", "first-" + tag).isEmpty(), "a body of two events is refused whole");
    assertTrue(events.find("acc-it-3", "second-" + tag).isEmpty());
    assertTrue(events.find("acc-it-3", "padded-" + tag).isEmpty());
  }

  /**
   * Should the database refuse an event's own content (here faked: the parser refuses all that is
   * known), that message alone is dead-lettered; it is neither retried nor taken for an outage.
   */
  @Test
  void anEventTheDatabaseRefusesIsDeadLetteredAloneAndPausesNothing() throws Exception {
    String tag = UUID.randomUUID().toString();
    String refused = "refused-" + tag;
    DataRefusingFanOut.REFUSED.add(refused);
    String body = event(refused, "acc-it-3", "sms.incoming", "{}");
    List<String> valid = new java.util.ArrayList<>();
    var backoff = new StoringFailures();
    try {
      tx.begin();
      try (JMSContext context = connectionFactory.createContext()) {
        for (int i = 0; i < 8; i++) {
          if (i == 3) {
            context.createProducer().send(queue, body);
          }
          String id = "beside-refused-" + i + "-" + tag;
          valid.add(id);
          context.createProducer().send(queue, event(id, "acc-it-3", "sms.incoming", "{}"));
        }
      }
      tx.commit();
      for (String id : valid) {
        Await.until(
            "valid event " + id + " stored", WAIT, () -> events.find("acc-it-3", id).isPresent());
      }
      Await.until("the refused event dead-lettered", WAIT, () -> deadLetter(body) != null);
    } finally {
      backoff.close();
      DataRefusingFanOut.REFUSED.remove(refused);
    }
    assertEquals(
        "the database refused the event: Data too long for column 'data' at row 1",
        deadLetter(body).getReason());
    assertTrue(events.find("acc-it-3", refused).isEmpty());
    assertEquals(List.of(), backoff.seen, "the event's own content is no outage");
  }

  /**
   * Only a TextMessage (or UTF-8 bytes) is the contract; anything else is kept as well as it safely
   * can be.
   */
  @Test
  void otherMessageTypesAreDeadLetteredNamingTheTypeAndKeepingWhatCanBeKept() throws Exception {
    String tag = UUID.randomUUID().toString();
    String validBytes = "bytes-" + tag;
    java.util.Map<String, String> sent = new java.util.LinkedHashMap<>();
    tx.begin();
    try (JMSContext context = connectionFactory.createContext()) {
      var producer = context.createProducer();

      var ok = context.createBytesMessage();
      ok.writeBytes(
          event(validBytes, "acc-it-3", "sms.incoming", "{\"text\":\"привет\"}")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      producer.send(queue, ok);

      byte[] text =
          event("utf8-" + tag, "acc-it-3", "sms.incoming", "{\"text\":\"@\"}")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      int at = new String(text, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('@');
      text[at] = (byte) 0xC3; // a lead byte followed by '"': not UTF-8
      var invalid = context.createBytesMessage();
      invalid.writeBytes(text);
      producer.send(queue, invalid);
      sent.put(
          invalid.getJMSMessageID(),
          "body is not valid UTF-8 (malformed input at byte offset " + at + ")");

      var big = context.createBytesMessage();
      big.writeBytes(
          ("{\"pad\":\"" + "я".repeat(140 * 1024) + "\"}")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      producer.send(queue, big);
      sent.put(
          big.getJMSMessageID(),
          "body has " + (10 + 280 * 1024) + " bytes, more than the limit of 262144 (256 KiB)");

      var map = context.createMapMessage();
      map.setString("id", "map-" + tag);
      map.setInt("attempt", 3);
      map.setBytes("raw", new byte[] {1, 2, 3});
      producer.send(queue, map);
      sent.put(map.getJMSMessageID(), "a MapMessage is not the contract");

      var stream = context.createStreamMessage();
      stream.writeString("stream-" + tag);
      stream.writeLong(42L);
      producer.send(queue, stream);
      sent.put(stream.getJMSMessageID(), "a StreamMessage is not the contract");

      var object = context.createObjectMessage(new java.util.ArrayList<>(List.of("object-" + tag)));
      producer.send(queue, object);
      sent.put(
          object.getJMSMessageID(),
          "an ObjectMessage is not the contract; its content is not read");

      var plain = context.createMessage();
      producer.send(queue, plain);
      sent.put(plain.getJMSMessageID(), "a Message without a body is not the contract");
    }
    tx.commit();

    Await.until(
        "the valid BytesMessage stored",
        WAIT,
        () -> events.find("acc-it-3", validBytes).isPresent());
    assertEquals(
        "{\"text\":\"привет\"}", events.find("acc-it-3", validBytes).orElseThrow().getData());
    for (var e : sent.entrySet()) {
      Await.until("dead letter for " + e.getValue(), WAIT, () -> deadLetterOf(e.getKey()) != null);
      DeadLetter letter = deadLetterOf(e.getKey());
      assertTrue(letter.getReason().startsWith(e.getValue()), letter.getReason());
    }
    var ids = List.copyOf(sent.keySet());
    assertTrue(
        deadLetterOf(ids.get(0)).getBody().contains("\"utf8-" + tag),
        "the undecodable body is kept, its bad bytes replaced");
    DeadLetter big = deadLetterOf(ids.get(1));
    assertTrue(big.isBodyTruncated());
    assertEquals(10 + 280 * 1024, big.getBodyLength());
    assertEquals(
        "{\"attempt\":3,\"id\":\"map-" + tag + "\",\"raw\":\"AQID\"}",
        deadLetterOf(ids.get(2)).getBody());
    assertEquals("[\"stream-" + tag + "\",42]", deadLetterOf(ids.get(3)).getBody());
    assertEquals(
        null, deadLetterOf(ids.get(4)).getBody(), "an ObjectMessage is never deserialised");
  }

  /**
   * The HTTP intake takes the same parser: every bad body is a 400 naming the field, never a 500.
   */
  @Test
  void httpIntakeAnswersBadBodiesWithTheField() throws Exception {
    String key = apiKeys.issue("acc-it-1", "http hostile", "test").key();
    String tag = UUID.randomUUID().toString();
    String[][] cases = {
      {
        event(
            "deep-" + tag,
            "acc-it-1",
            "sms.incoming",
            "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
        "data"
      },
      {
        event("number-" + tag, "acc-it-1", "sms.incoming", "{\"n\":" + "1".repeat(5000) + "}"),
        "data"
      },
      {
        event("far-" + tag, "acc-it-1", "sms.incoming", "{}")
            .replace("2026-11-28T10:00:00Z", "+10000-01-01T00:00:00Z"),
        "occurredAt"
      },
      {
        event("two-" + tag, "acc-it-1", "sms.incoming", "{}")
            + event("three-" + tag, "acc-it-1", "sms.incoming", "{}"),
        "body"
      },
      {event("lone-" + tag + "\\ud800", "acc-it-1", "sms.incoming", "{}"), "id"},
    };
    for (String[] c : cases) {
      HttpResponse<String> response = post(c[0], key);
      assertEquals(400, response.statusCode(), response.body());
      assertTrue(
          response.body().startsWith("{\"errors\":[{\"field\":\"" + c[1] + "\",\"message\":"),
          response.body());
      assertTrue(
          response.body().length() < 2000,
          "no stack trace: " + response.body().length() + " characters");
    }
    assertTrue(
        events.find("acc-it-1", "two-" + tag).isEmpty(), "a body of two events stores neither");
  }

  private HttpResponse<String> post(String json, String key) throws Exception {
    var request =
        HttpRequest.newBuilder(ConsoleHttp.anonymous(base.toURI()).resolve("/api/v1/events"))
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

  private DeadLetter deadLetterOf(String messageId) {
    return events.latestDeadLetters(500).stream()
        .filter(d -> messageId.equals(d.getMessageId()))
        .findFirst()
        .orElse(null);
  }

  /**
   * The intake's "Storing events fails" warnings while open: what the back-off took for an outage.
   */
  static final class StoringFailures extends java.util.logging.Handler implements AutoCloseable {
    private static final java.util.logging.Logger CONSUMER_LOG =
        java.util.logging.Logger.getLogger("com.kompaas.webhooks.intake.boundary.EventConsumer");

    final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    StoringFailures() {
      CONSUMER_LOG.addHandler(this);
    }

    @Override
    public void publish(java.util.logging.LogRecord r) {
      if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()
          && String.valueOf(r.getMessage()).startsWith("Storing events fails")) {
        seen.add(r.getMessage());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      CONSUMER_LOG.removeHandler(this);
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
    return EventMessages.event(id, account, type, data);
  }
}
