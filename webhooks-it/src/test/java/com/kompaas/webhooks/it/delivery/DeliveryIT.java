package com.kompaas.webhooks.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.account.boundary.Accounts;
import com.kompaas.webhooks.account.entity.AuditEntry;
import com.kompaas.webhooks.delivery.boundary.Deliveries;
import com.kompaas.webhooks.delivery.control.DeliveryStore;
import com.kompaas.webhooks.delivery.entity.Attempt;
import com.kompaas.webhooks.delivery.entity.Delivery;
import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import com.kompaas.webhooks.it.Await;
import com.kompaas.webhooks.it.Deployments;
import com.kompaas.webhooks.it.Receiver;
import com.kompaas.webhooks.platform.boundary.Resources;
import com.kompaas.webhooks.subscription.boundary.Webhooks;
import com.kompaas.webhooks.subscription.entity.DataType;
import com.kompaas.webhooks.subscription.entity.HttpMethod;
import com.kompaas.webhooks.subscription.entity.Webhook;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deliveries over real HTTP to a real local receiver: the exact rendered and signed request, the
 * attempt log, the resend schedule (time driven by {@link TestClock}), retry off, 410, redirects,
 * Retry-After, manual resend, and one endpoint that hangs beside one that answers.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** How the attempt log ends a text it had to cut. */
  private static final Pattern CUT = Pattern.compile("…\\(truncated: \\d+ bytes in all\\)$");

  @Deployment
  static WebArchive deployment() {
    return Deployments.webhooks(
        DeliveryIT.class,
        TestClock.class,
        FailingFanOut.class,
        FailingOnceAttemptRecorder.class,
        FailingOnceAttemptRecorder.Failing.class,
        Receiver.class,
        Receiver.Request.class,
        Receiver.Answer.class);
  }

  @Inject Webhooks webhooks;

  @Inject Deliveries deliveries;

  @Inject com.kompaas.webhooks.delivery.boundary.DeliveryScheduler scheduler;

  @Inject com.kompaas.webhooks.account.boundary.AuditLog auditLog;

  @Inject Accounts accounts;

  @Inject com.kompaas.webhooks.intake.boundary.Events storedEvents;

  @Inject com.kompaas.webhooks.account.boundary.ApiKeys apiKeys;

  @org.jboss.arquillian.test.api.ArquillianResource java.net.URL base;

  @Resource(lookup = Resources.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Resources.EVENTS_QUEUE_JNDI)
  Queue events;

  @Resource UserTransaction tx;

  private Receiver receiver;
  private String account;

  @BeforeEach
  void setUp() throws Exception {
    receiver = new Receiver();
    account = "acc-d-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.createAccount(account, "Delivery test");
  }

  @AfterEach
  void tearDown() {
    receiver.close();
    TestClock.reset();
  }

  @Test
  void deliversExactlyTheRenderedRequestSignedPerStandardWebhooks() throws Exception {
    Webhook hook =
        create(
            WebhookSettings.builder("call.incoming.start")
                .title("CRM")
                .url(receiver.url("/crm/{{did}}"))
                .method(HttpMethod.POST)
                .dataType(DataType.JSON)
                .parameters("callerNumber", "callerName")
                .userParameter("source", "kompaas")
                .queryParameter("caller", "{{callerNumber}}")
                .header("Authorization", "Bearer s3cr3t-token")
                .build());
    String eventId =
        publish(
            "call.incoming.start",
            "{\"did\":\"74950001122\",\"callerNumber\":\"+79161234567\",\"callerName\":\"Иван & Co\",\"calledNumber\":\"100\"}");

    Delivery delivery = awaitStatus(hook, eventId, DeliveryStatus.SUCCEEDED);
    List<Receiver.Request> got = receiver.received("/crm/");
    assertEquals(1, got.size());
    Receiver.Request request = got.get(0);
    assertEquals("POST", request.method());
    assertEquals("/crm/74950001122?caller=%2B79161234567", request.uri());
    assertEquals("application/json", request.header("Content-Type").split(";")[0].strip());
    assertEquals("Bearer s3cr3t-token", request.header("Authorization"));
    assertEquals(
        "{\"callerNumber\":\"+79161234567\",\"callerName\":\"Иван & Co\",\"source\":\"kompaas\"}",
        request.body());

    // Standard Webhooks: v1,base64(HMAC-SHA256(secret, id.timestamp.body)), checked independently
    String id = request.header("webhook-id");
    String timestamp = request.header("webhook-timestamp");
    assertEquals("msg_" + delivery.getId(), id);
    byte[] key = Base64.getDecoder().decode(hook.getSecret().substring("whsec_".length()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    String expected =
        "v1,"
            + Base64.getEncoder()
                .encodeToString(
                    mac.doFinal(
                        (id + "." + timestamp + "." + request.body())
                            .getBytes(StandardCharsets.UTF_8)));
    assertTrue(
        List.of(request.header("webhook-signature").split(" ")).contains(expected),
        "signature " + request.header("webhook-signature") + " verifies");

    List<Attempt> attempts = deliveries.attempts(account, delivery.getId());
    assertEquals(1, attempts.size());
    Attempt attempt = attempts.get(0);
    assertEquals(Attempt.Outcome.DELIVERED, attempt.getOutcome());
    assertEquals(200, attempt.getResponseStatus());
    assertEquals(request.body(), attempt.getRequestBody());
    assertTrue(
        attempt.getRequestHeaders().contains("Authorization: Bearer ••••••"),
        attempt.getRequestHeaders());
    assertFalse(
        attempt.getRequestHeaders().contains("s3cr3t"), "the credential is masked in the log");
  }

  @Test
  void failingEndpointGetsResentOnTheScheduleUntilItSucceeds() throws Exception {
    receiver.script(
        "/flaky",
        Receiver.Answer.status(500),
        Receiver.Answer.status(502),
        Receiver.Answer.status(503));
    Webhook hook = create(simple("/flaky", true));
    String eventId =
        publish(
            "sms.incoming",
            "{\"messageId\":\"m1\",\"from\":\"+7900\",\"to\":\"+7911\",\"text\":\"hi\",\"parts\":1}");

    // attempt 1 now, attempt 2 "immediately" after it (the schedule's 0 s)
    Await.until("two attempts", WAIT, () -> receiver.received("/flaky").size() == 2);
    Await.until("second failure recorded", WAIT, () -> attempts(hook, eventId) == 2);
    Delivery pending = delivery(hook, eventId);
    assertEquals(DeliveryStatus.PENDING, pending.getStatus());
    assertTrue(
        pending.getNextAttemptAt().isAfter(pending.getLastAttemptAt().plusSeconds(3)),
        "next in about 5 s");

    TestClock.advance(Duration.ofSeconds(7));
    Await.until("third attempt", WAIT, () -> attempts(hook, eventId) == 3);
    assertEquals(DeliveryStatus.PENDING, delivery(hook, eventId).getStatus());

    TestClock.advance(Duration.ofMinutes(7));
    Delivery done = awaitStatus(hook, eventId, DeliveryStatus.SUCCEEDED);
    assertEquals(4, done.getAttempts());
    assertEquals(
        4, receiver.received("/flaky").size(), "N failures then a success is N+1 requests");

    List<Attempt> log = deliveries.attempts(account, done.getId());
    assertEquals(List.of(1, 2, 3, 4), log.stream().map(Attempt::getNumber).toList());
    assertEquals(
        List.of(500, 502, 503, 200), log.stream().map(Attempt::getResponseStatus).toList());
    Duration secondToThird = Duration.between(log.get(1).getStartedAt(), log.get(2).getStartedAt());
    Duration thirdToFourth = Duration.between(log.get(2).getStartedAt(), log.get(3).getStartedAt());
    assertTrue(
        secondToThird.compareTo(Duration.ofSeconds(4)) >= 0,
        "5 s less jitter at least: " + secondToThird);
    assertTrue(
        thirdToFourth.compareTo(Duration.ofMinutes(4)) >= 0,
        "5 min less jitter at least: " + thirdToFourth);
  }

  @Test
  void retryOffMeansExactlyOneRequest() throws Exception {
    receiver.byDefault("/once", Receiver.Answer.status(500));
    Webhook hook = create(simple("/once", false));
    String eventId = publish("sms.incoming", "{\"messageId\":\"m2\"}");

    Delivery failed = awaitStatus(hook, eventId, DeliveryStatus.FAILED);
    assertEquals(1, failed.getAttempts());
    assertNull(failed.getNextAttemptAt());
    TestClock.advance(Duration.ofHours(1));
    Await.holds( // two scheduler ticks
        "no second request after the final failure",
        Duration.ofMillis(2500),
        () -> receiver.received("/once").size() == 1);
  }

  @Test
  void goneDisablesTheWebhookWithAReason() throws Exception {
    receiver.byDefault("/gone", Receiver.Answer.status(410));
    Webhook hook = create(simple("/gone", true));
    String eventId = publish("sms.incoming", "{\"messageId\":\"m3\"}");

    awaitStatus(hook, eventId, DeliveryStatus.FAILED);
    Webhook after = webhooks.find(account, hook.getId()).orElseThrow();
    assertFalse(after.isEnabled());
    assertTrue(after.getDisabledReason().contains("410"), after.getDisabledReason());
    assertNotNull(after.getDisabledAt());
    var entries = auditLog.forWebhook(account, hook.getId(), 10);
    assertTrue(
        entries.stream()
            .anyMatch(
                e ->
                    e.getAction() == AuditEntry.Action.DISABLE
                        && e.getActor().equals("system")
                        && e.getAfter().contains("410")),
        "the audit log says the system switched it off: " + entries);
  }

  @Test
  void webhookFailingForFiveDaysWithoutASuccessIsSwitchedOff() throws Exception {
    receiver.byDefault("/down", Receiver.Answer.status(500));
    Webhook hook = create(simple("/down", false));
    String first = publish("sms.incoming", "{\"messageId\":\"d1\"}");
    awaitStatus(hook, first, DeliveryStatus.FAILED);
    assertTrue(
        webhooks.find(account, hook.getId()).orElseThrow().isEnabled(),
        "one failure is not enough");

    TestClock.advance(Duration.ofDays(5).plusHours(1));
    String second = publish("sms.incoming", "{\"messageId\":\"d2\"}");
    awaitStatus(hook, second, DeliveryStatus.FAILED);
    Webhook after = webhooks.find(account, hook.getId()).orElseThrow();
    assertFalse(after.isEnabled());
    assertTrue(
        after.getDisabledReason().contains("no success for 5 days"), after.getDisabledReason());

    String third = publish("sms.incoming", "{\"messageId\":\"d3\"}");
    // fan-out commits with the event, so once it is stored its deliveries (none) are decided
    Await.until(
        "the third event stored", WAIT, () -> storedEvents.find(account, third).isPresent());
    assertNull(status(hook, third), "no delivery was created for the switched-off webhook");
    assertEquals(
        2, receiver.received("/down").size(), "a switched-off webhook gets no new deliveries");
    assertTrue(
        deliveries.replay(
                account,
                hook.getId(),
                Instant.now().minusSeconds(3600),
                Instant.now().plus(Duration.ofDays(30)))
            >= 1,
        "the event that arrived while it was off can be replayed");
    assertNotNull(
        status(hook, third), "the replay made the delivery the switched-off webhook did not get");
  }

  @Test
  void allNineSettingsSurviveASaveAndAReload() throws Exception {
    WebhookSettings settings =
        WebhookSettings.builder("call.incoming.end")
            .title("Every setting")
            .url(receiver.url("/all/{{did}}"))
            .retryIfError(false)
            .method(HttpMethod.POST)
            .dataType(DataType.TEXT)
            .parameters("did", "duration", "status")
            .userParameter("crm", "amo")
            .userParameter("line", "{{did}}")
            .queryParameter("token", "q-{{callerNumber}}")
            .header("X-Account", "{{accountId}}")
            .header("Authorization", "Bearer abc")
            .bodyTemplate("call {{did}} ended after {{duration}} s: {{status}}")
            .build();
    Webhook saved = create(settings);
    Webhook reloaded = webhooks.find(account, saved.getId()).orElseThrow();
    assertEquals(settings, reloaded.settings(), "what comes back from MariaDB is what was saved");
    assertTrue(reloaded.getSecret().startsWith("whsec_"));
    // the version that comes back is the one an edit must name: it saves, and the stale one then
    // cannot
    tx.begin();
    webhooks.update(account, saved.getId(), reloaded.getVersion(), settings);
    tx.commit();
    assertEquals(
        reloaded.getVersion() + 1,
        webhooks.find(account, saved.getId()).orElseThrow().getVersion());
    tx.begin();
    try {
      Exception stale =
          assertThrows(
              Exception.class,
              () -> webhooks.update(account, saved.getId(), reloaded.getVersion(), settings));
      // the container wraps it, and may pass it on in the message only
      StringBuilder chain = new StringBuilder();
      for (Throwable cause = stale; cause != null; cause = cause.getCause()) {
        chain.append(cause).append(" | ");
      }
      assertTrue(
          chain.toString().contains(OptimisticLockException.class.getName()),
          "refused as a stale version: " + chain);
    } finally {
      tx.rollback();
    }
  }

  @Test
  void oneEventFansOutToEveryEnabledWebhookOfItsTypeAndAccountOnly() throws Exception {
    List<Webhook> mine =
        List.of(
            create(simple("/fan/1", true)),
            create(simple("/fan/2", true)),
            create(simple("/fan/3", true)));
    Webhook otherType =
        create(
            WebhookSettings.builder("sms.status")
                .title("status")
                .url(receiver.url("/fan/type"))
                .build());
    Webhook off = create(simple("/fan/off", true));
    tx.begin();
    webhooks.enable(account, off.getId(), false);
    tx.commit();
    String otherAccount = account + "-x";
    accounts.createAccount(otherAccount, "Other");
    tx.begin();
    Webhook foreign = webhooks.create(otherAccount, simple("/fan/foreign", true));
    tx.commit();

    String eventId = publish("sms.incoming", "{\"messageId\":\"fan\"}");
    for (Webhook hook : mine) {
      awaitStatus(hook, eventId, DeliveryStatus.SUCCEEDED);
    }
    assertEquals(
        3,
        deliveries
            .list(account, new Deliveries.Filter(null, null, null, null, null, eventId), 0, 10)
            .size());
    assertEquals(
        0,
        deliveries
            .list(
                otherAccount,
                new Deliveries.Filter(foreign.getId(), null, null, null, null, null),
                0,
                10)
            .size());
    assertEquals(3, receiver.received("/fan/").size());
    assertEquals(List.of(), receiver.received("/fan/type"));
    assertEquals(List.of(), receiver.received("/fan/off"));
    assertEquals(List.of(), receiver.received("/fan/foreign"));
    assertNull(status(otherType, eventId));
  }

  @Test
  void aTransactionThatFailsMidwayIsRedeliveredAndStoredOnce() throws Exception {
    Webhook hook = create(simple("/rollback", true));
    String id = "ev-" + UUID.randomUUID();
    // the shared intake transaction fails, then the event's own: the broker redelivers the message
    FailingFanOut.FAILURES_LEFT.put(id, 2);
    publishWithId(id, "sms.incoming", "{\"messageId\":\"rb\"}");

    Delivery delivered = awaitStatus(hook, id, DeliveryStatus.SUCCEEDED);
    assertFalse(FailingFanOut.FAILURES_LEFT.containsKey(id), "both tries failed as planned");
    assertEquals(
        1,
        deliveries
            .list(account, new Deliveries.Filter(null, null, null, null, null, id), 0, 10)
            .size(),
        "one delivery, from the redelivered message");
    assertEquals(1, delivered.getAttempts());
    assertEquals(1, receiver.received("/rollback").size());
  }

  @Test
  void twelveEventsArrivingTogetherWithOneFailedTransactionAreEachStoredOnce() throws Exception {
    Webhook hook = create(simple("/shared", true));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add("ev-" + UUID.randomUUID());
    }
    FailingFanOut.FAILURES_LEFT.put(ids.get(5), 1);
    tx.begin(); // all twelve reach the consumer's sessions together
    try (JMSContext context = connectionFactory.createContext()) {
      for (String id : ids) {
        context
            .createProducer()
            .send(events, eventBody(id, "sms.incoming", "{\"messageId\":\"" + id + "\"}"));
      }
    }
    tx.commit();

    for (String id : ids) {
      awaitStatus(hook, id, DeliveryStatus.SUCCEEDED);
    }
    assertFalse(
        FailingFanOut.FAILURES_LEFT.containsKey(ids.get(5)),
        "one intake transaction failed as planned");
    for (String id : ids) {
      assertEquals(
          1,
          deliveries
              .list(account, new Deliveries.Filter(null, null, null, null, null, id), 0, 10)
              .size(),
          "one delivery for " + id);
      assertTrue(storedEvents.find(account, id).isPresent());
    }
    assertEquals(12, receiver.received("/shared").size(), "one request per event");
  }

  @Test
  void attemptsOfASharedTransactionThatFailsAreEachWrittenOnce() throws Exception {
    Webhook hook = create(simple("/batch", true));
    int rolledBackBefore = FailingOnceAttemptRecorder.ROLLED_BACK_ATTEMPTS.get();
    FailingOnceAttemptRecorder.FAIL_ONCE_FOR_WEBHOOK.add(hook.getId());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add(publish("sms.incoming", "{\"messageId\":\"b" + i + "\"}"));
    }

    for (String id : ids) {
      awaitStatus(hook, id, DeliveryStatus.SUCCEEDED);
    }
    assertFalse(
        FailingOnceAttemptRecorder.FAIL_ONCE_FOR_WEBHOOK.contains(hook.getId()),
        "a shared write failed as planned");
    assertTrue(
        FailingOnceAttemptRecorder.ROLLED_BACK_ATTEMPTS.get() > rolledBackBefore,
        "the failed transaction had written attempt rows before it rolled back");
    assertEquals(30, receiver.received("/batch").size(), "one request per delivery");
    for (String id : ids) {
      Delivery delivery = delivery(hook, id);
      assertEquals(1, delivery.getAttempts());
      assertEquals(
          1,
          deliveries.attempts(account, delivery.getId()).size(),
          "the request that went out is exactly one attempt row, though its first write was rolled back");
    }
  }

  @Test
  void attemptsWhoseCommitWentThroughUnheardAreNotWrittenTwice() throws Exception {
    Webhook hook = create(simple("/unheard", true));
    FailingOnceAttemptRecorder.LOSE_COMMIT_ANSWER_FOR_WEBHOOK.add(hook.getId());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(publish("sms.incoming", "{\"messageId\":\"u" + i + "\"}"));
    }

    for (String id : ids) {
      awaitStatus(hook, id, DeliveryStatus.SUCCEEDED);
    }
    assertFalse(
        FailingOnceAttemptRecorder.LOSE_COMMIT_ANSWER_FOR_WEBHOOK.contains(hook.getId()),
        "a committed write was reported as failed, as planned");
    assertEquals(10, receiver.received("/unheard").size(), "one request per delivery");
    for (String id : ids) {
      Delivery delivery = delivery(hook, id);
      assertEquals(1, delivery.getAttempts());
      assertEquals(
          1,
          deliveries.attempts(account, delivery.getId()).size(),
          "the request that went out is exactly one attempt row, though its write was tried again");
    }
  }

  @Test
  void deliveryLogAndResendOverRestAreScopedToTheKeysAccount() throws Exception {
    Webhook hook = create(simple("/rest", true));
    String eventId = publish("sms.incoming", "{\"messageId\":\"rest\"}");
    Delivery done = awaitStatus(hook, eventId, DeliveryStatus.SUCCEEDED);
    String key = apiKeys.issue(account, "rest", "test").key();
    String strangerAccount = account + "-s";
    accounts.createAccount(strangerAccount, "Stranger");
    String strangerKey = apiKeys.issue(strangerAccount, "rest", "test").key();

    var log = rest("GET", "/api/v1/deliveries/" + done.getId() + "/attempts", key);
    assertEquals(200, log.statusCode(), log.body());
    assertTrue(log.body().contains("\"outcome\":\"DELIVERED\""), log.body());
    assertEquals(404, rest("GET", "/api/v1/deliveries/" + done.getId(), strangerKey).statusCode());
    assertEquals(
        404,
        rest("POST", "/api/v1/deliveries/" + done.getId() + "/resend", strangerKey).statusCode());
    assertEquals(1, receiver.received("/rest").size(), "the stranger's resend sent nothing");
    var count = rest("GET", "/api/v1/deliveries/count?webhookId=" + hook.getId(), key);
    assertEquals(200, count.statusCode(), count.body());
    assertTrue(
        count.body().replace(" ", "").contains("\"value\":1")
            && count.body().contains("\"more\":false"),
        count.body());
    var strangers = rest("GET", "/api/v1/deliveries/count?webhookId=" + hook.getId(), strangerKey);
    assertTrue(
        strangers.body().replace(" ", "").contains("\"value\":0"),
        "the stranger counts none: " + strangers.body());

    assertEquals(
        202, rest("POST", "/api/v1/deliveries/" + done.getId() + "/resend", key).statusCode());
    Await.until("the resend arrives", WAIT, () -> receiver.received("/rest").size() == 2);
  }

  private java.net.http.HttpResponse<String> rest(String method, String path, String key)
      throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(
                com.kompaas.webhooks.it.ConsoleHttp.anonymous(base.toURI()).resolve(path))
            .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
            .header("Authorization", "Bearer " + key);
    return java.net.http.HttpClient.newHttpClient()
        .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void redirectIsNotFollowedAndCountsAsFailure() throws Exception {
    receiver.byDefault(
        "/moved", Receiver.Answer.status(302, "Location", receiver.url("/elsewhere")));
    Webhook hook = create(simple("/moved", false));
    String eventId = publish("sms.incoming", "{\"messageId\":\"m4\"}");

    Delivery failed = awaitStatus(hook, eventId, DeliveryStatus.FAILED);
    assertEquals(302, failed.getLastStatusCode());
    assertEquals(0, receiver.received("/elsewhere").size(), "the redirect was not followed");
  }

  @Test
  void retryAfterIsHonoured() throws Exception {
    receiver.script("/busy", Receiver.Answer.status(429, "Retry-After", "120"));
    Webhook hook = create(simple("/busy", true));
    String eventId = publish("sms.incoming", "{\"messageId\":\"m5\"}");

    Await.until("first attempt recorded", WAIT, () -> attempts(hook, eventId) == 1);
    Delivery pending = delivery(hook, eventId);
    assertEquals(DeliveryStatus.PENDING, pending.getStatus());
    Duration wait = Duration.between(pending.getLastAttemptAt(), pending.getNextAttemptAt());
    assertTrue(wait.compareTo(Duration.ofSeconds(119)) >= 0, "waits as asked, not 0 s: " + wait);
    TestClock.advance(Duration.ofSeconds(125));
    awaitStatus(hook, eventId, DeliveryStatus.SUCCEEDED);
  }

  @Test
  void manualResendMakesANewAttempt() throws Exception {
    Webhook hook = create(simple("/again", true));
    String eventId = publish("sms.incoming", "{\"messageId\":\"m6\"}");
    Delivery done = awaitStatus(hook, eventId, DeliveryStatus.SUCCEEDED);

    assertTrue(deliveries.resend(account, done.getId()));
    Await.until(
        "second attempt", WAIT, () -> deliveries.attempts(account, done.getId()).size() == 2);
    List<Attempt> log = deliveries.attempts(account, done.getId());
    assertFalse(log.get(0).isManual());
    assertTrue(log.get(1).isManual());
    assertEquals(2, receiver.received("/again").size());
    assertEquals(
        receiver.received("/again").get(0).header("webhook-id"),
        receiver.received("/again").get(1).header("webhook-id"),
        "webhook-id is stable across attempts");
    assertFalse(
        deliveries.resend("someone-else", done.getId()), "another account cannot resend it");
  }

  /**
   * A delivery whose request is out stays with its sender past the lease for the record grace: the
   * sender may still be waiting for the database to write its attempt, and a hand-out at the
   * lease's end sent the request twice when the database came back (FaultsSystemIT, once in CI).
   */
  @Test
  void aSendingDeliveryIsHandedOutAgainOnlyAfterItsLeaseAndTheRecordGrace() throws Exception {
    receiver.byDefault("/in-flight", Receiver.Answer.held());
    Webhook hook = create(simple("/in-flight", true));
    String eventId = publish("sms.incoming", "{\"messageId\":\"in-flight\"}");
    Await.until("the request is out", WAIT, () -> receiver.received("/in-flight").size() == 1);
    Delivery sending = delivery(hook, eventId);
    assertEquals(DeliveryStatus.SENDING, sending.getStatus());

    TestClock.advance(Duration.ofSeconds(61)); // past the 60 s lease
    scheduler.handOutDue();
    assertEquals(
        sending.getDispatchToken(),
        delivery(hook, eventId).getDispatchToken(),
        "still its sender's within the grace");

    TestClock.advance(DeliveryStore.RECORD_GRACE);
    scheduler.handOutDue();
    assertTrue(
        delivery(hook, eventId).getDispatchToken() > sending.getDispatchToken(),
        "handed out again once the grace is over too: a dead sender's delivery is not stranded");
    receiver.release();
  }

  @Test
  void aHangingEndpointDoesNotHoldUpAHealthyOne() throws Exception {
    receiver.byDefault("/hangs", Receiver.Answer.held());
    Webhook slow = create(simple("/hangs", true));
    Webhook fast = create(simple("/fast", true));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(publish("sms.incoming", "{\"messageId\":\"x" + i + "\"}"));
    }
    // every event goes to both webhooks; the slow one's requests stay open until released
    Await.until(
        "all 40 delivered to the healthy endpoint while the other hangs",
        WAIT,
        () -> ids.stream().allMatch(id -> status(fast, id) == DeliveryStatus.SUCCEEDED));
    int stuck = receiver.received("/hangs").size();
    assertTrue(
        stuck > 0 && stuck <= 16,
        "the hanging endpoint holds at most its per-endpoint share: " + stuck);
    receiver.release();
    // what timed out or was held back is resent on its schedule; move time past the waits
    Await.until(
        "the slow endpoint catches up, time moving on 6 minutes between two looks",
        Duration.ofSeconds(60),
        Duration.ofMillis(2500), // two scheduler ticks
        () -> {
          if (ids.stream().allMatch(id -> status(slow, id) == DeliveryStatus.SUCCEEDED)) {
            return true;
          }
          TestClock.advance(Duration.ofMinutes(6));
          return false;
        });
  }

  @Test
  void responseHeadersTooLongForTheLogAreCutAndTheAttemptIsRecordedOnce() throws Exception {
    Map<String, String> padding = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      padding.put(
          "X-Pad-" + i,
          "p".repeat(2000)); // about 100 KB of headers: more than the TEXT column holds
    }
    receiver.byDefault("/fat-headers", new Receiver.Answer(200, padding, "ok", false));
    Webhook hook = create(simple("/fat-headers", true));
    String eventId = publish("sms.incoming", "{\"messageId\":\"fat\"}");

    Delivery done = awaitStatus(hook, eventId, DeliveryStatus.SUCCEEDED);
    List<Attempt> log = deliveries.attempts(account, done.getId());
    assertEquals(1, log.size());
    String headers = log.get(0).getResponseHeaders();
    // what fits is kept: about 32 of the 50 headers of 2,000 bytes each (in the order they came)
    int whole = headers.split("p".repeat(2000) + "\n", -1).length - 1;
    assertTrue(whole >= 30 && whole < 50, "whole headers kept: " + whole);
    assertTrue(CUT.matcher(headers).find(), "cut with the marker: ..." + tail(headers));
    assertTrue(headers.getBytes(StandardCharsets.UTF_8).length <= 65_535, "fits the column");
    assertEquals(200, log.get(0).getResponseStatus());
    assertNotHandedOutAgain(hook, eventId, done, "/fat-headers");
  }

  @Test
  void aHeaderFilledWithALongEventValueIsSentWholeAndLoggedCut() throws Exception {
    Webhook hook =
        create(
            WebhookSettings.builder("call.incoming.start")
                .title("long caller")
                .url(receiver.url("/long-header"))
                .retryIfError(true)
                .parameters("did")
                .header("X-Caller", "{{callerName}}")
                .build());
    // 40,000 characters: within TEXT's 65,535 if counted as characters, 80,000 bytes in UTF-8
    String caller = "я".repeat(39_999) + "😀";
    String eventId =
        publish(
            "call.incoming.start", "{\"did\":\"74950001122\",\"callerName\":\"" + caller + "\"}");

    Delivery done = awaitStatus(hook, eventId, DeliveryStatus.SUCCEEDED);
    assertEquals(1, receiver.received("/long-header").size());
    assertTrue(
        receiver.received("/long-header").get(0).header("X-Caller").length() > 39_000,
        "sent whole");
    List<Attempt> log = deliveries.attempts(account, done.getId());
    assertEquals(1, log.size());
    String headers = log.get(0).getRequestHeaders();
    assertTrue(headers.contains("X-Caller: яяя"), "the header is in the log");
    assertTrue(CUT.matcher(headers).find(), "cut with the marker: ..." + tail(headers));
    assertTrue(
        headers.getBytes(StandardCharsets.UTF_8).length <= 65_535, "fits the column in bytes");
    assertFalse(headers.contains("\uFFFD"), "no character was split");
    assertNotHandedOutAgain(hook, eventId, done, "/long-header");
  }

  @Test
  void anAttemptWhoseDetailsTheDatabaseRefusesIsRecordedAsASummaryOnce() throws Exception {
    Webhook hook = create(simple("/refused", false));
    FailingOnceAttemptRecorder.UNSTORABLE_FOR_WEBHOOK.add(hook.getId());
    String eventId = publish("sms.incoming", "{\"messageId\":\"refused\"}");

    Delivery done = awaitStatus(hook, eventId, DeliveryStatus.SUCCEEDED);
    List<Attempt> log = deliveries.attempts(account, done.getId());
    assertEquals(1, log.size(), "one attempt row");
    Attempt summary = log.get(0);
    assertEquals(Attempt.Outcome.DELIVERED, summary.getOutcome());
    assertEquals(200, summary.getResponseStatus());
    assertTrue(
        summary.getErrorDetail().startsWith("attempt details could not be stored: "),
        summary.getErrorDetail());
    assertTrue(
        summary.getErrorDetail().contains("Data too long"),
        "says why: " + summary.getErrorDetail());
    assertNotHandedOutAgain(hook, eventId, done, "/refused");
  }

  /**
   * Past the delivery's lease, the scheduler's hand-out (run here at once rather than waited for)
   * leaves the delivery alone: no new token, so no second request can follow.
   */
  private void assertNotHandedOutAgain(Webhook hook, String eventId, Delivery done, String path) {
    TestClock.advance(Duration.ofMinutes(2));
    scheduler.handOutDue();
    Delivery after = delivery(hook, eventId);
    assertEquals(done.getStatus(), after.getStatus());
    assertEquals(
        done.getDispatchToken(), after.getDispatchToken(), "not handed out again after its lease");
    assertEquals(1, after.getAttempts());
    assertEquals(1, receiver.received(path).size(), "the receiver was hit once");
  }

  private static String tail(String text) {
    return text.substring(Math.max(0, text.length() - 80));
  }

  private WebhookSettings simple(String path, boolean retry) {
    return WebhookSettings.builder("sms.incoming")
        .title("hook " + path)
        .url(receiver.url(path))
        .retryIfError(retry)
        .method(HttpMethod.POST)
        .dataType(DataType.JSON)
        .parameters("messageId")
        .build();
  }

  private Webhook create(WebhookSettings settings) throws Exception {
    tx.begin();
    Webhook hook = webhooks.create(account, settings);
    tx.commit();
    return webhooks.find(account, hook.getId()).orElseThrow();
  }

  private Delivery delivery(Webhook hook, String eventId) {
    return deliveries
        .list(account, new Deliveries.Filter(hook.getId(), null, null, null, null, eventId), 0, 2)
        .stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError("no delivery of " + eventId));
  }

  private int attempts(Webhook hook, String eventId) {
    var found =
        deliveries.list(
            account, new Deliveries.Filter(hook.getId(), null, null, null, null, eventId), 0, 2);
    return found.isEmpty() ? -1 : found.get(0).getAttempts();
  }

  private DeliveryStatus status(Webhook hook, String eventId) {
    var found =
        deliveries.list(
            account, new Deliveries.Filter(hook.getId(), null, null, null, null, eventId), 0, 2);
    return found.isEmpty() ? null : found.get(0).getStatus();
  }

  private Delivery awaitStatus(Webhook hook, String eventId, DeliveryStatus status) {
    Await.until(
        "delivery of " + eventId + " " + status,
        WAIT,
        () -> {
          var found =
              deliveries.list(
                  account,
                  new Deliveries.Filter(hook.getId(), null, null, null, null, eventId),
                  0,
                  2);
          return !found.isEmpty() && found.get(0).getStatus() == status;
        });
    return delivery(hook, eventId);
  }

  private String publish(String type, String data) throws Exception {
    return publishWithId("ev-" + UUID.randomUUID(), type, data);
  }

  private String eventBody(String id, String type, String data) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\""
        + type
        + "\",\"accountId\":\""
        + account
        + "\",\"occurredAt\":\""
        + Instant.now()
        + "\",\"data\":"
        + data
        + "}";
  }

  private String publishWithId(String id, String type, String data) throws Exception {
    String body = eventBody(id, type, data);
    tx.begin();
    try (JMSContext context = connectionFactory.createContext()) {
      context.createProducer().send(events, body);
    }
    tx.commit();
    return id;
  }
}
