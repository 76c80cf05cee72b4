package com.kompaas.webhooks.it.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.it.Await;
import com.kompaas.webhooks.it.Receiver;
import com.kompaas.webhooks.it.TestInfrastructure;
import com.kompaas.webhooks.launcher.EmbeddedBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged application under faults: killed with SIGKILL while requests are in flight, and run
 * as two instances on one database and one broker. Every delivery must complete, and none may be
 * sent twice by racing senders or schedulers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResilienceSystemIT {

  private static final String USER = "res";
  private static final String PASSWORD = "res-secret";

  private EmbeddedBroker broker;
  private int brokerPort;
  private Receiver receiver;
  private final SystemRows rows = SystemRows.systemDatabase();
  private final List<ApplicationProcess> apps = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    brokerPort = ApplicationProcess.freePort();
    broker =
        new EmbeddedBroker(
                TestInfrastructure.target().resolve("res-broker-" + brokerPort),
                "127.0.0.1",
                brokerPort,
                USER,
                PASSWORD)
            .start();
    receiver = new Receiver();
  }

  @AfterAll
  void stop() throws Exception {
    for (ApplicationProcess app : apps) {
      app.close();
    }
    receiver.close();
    broker.close();
  }

  private ApplicationProcess app(String name) throws Exception {
    ApplicationProcess app =
        ApplicationProcess.uberJar(
            "res-" + name,
            "res-" + name + ".log",
            brokerPort,
            USER,
            PASSWORD,
            Map.of(
                "WEBHOOKS_OUTBOUND_ALLOW", "127.0.0.1/32",
                // a short lease so that the deliveries of a killed sender are handed out again soon
                "WEBHOOKS_DELIVERY_TOTAL_TIMEOUT", "5s",
                "WEBHOOKS_DELIVERY_LEASE", "20s",
                // quick resends, and no circuit breaking, so the scripted failures keep both
                // schedulers busy
                "WEBHOOKS_DELIVERY_RETRY_SCHEDULE", "1s,1s,1s,1s,1s,1s",
                "WEBHOOKS_DELIVERY_BREAKER_FAILURES", "100000"));
    apps.add(app);
    return app.start();
  }

  @Test
  void killedMidFlightTheApplicationCompletesEveryDeliveryAfterARestart() throws Exception {
    ApplicationProcess app = app("crash");
    String account = "acc-crash";
    rows.account(account);
    long webhookId = rows.webhook(account, receiver.url("/crash"));
    receiver.byDefault("/crash", Receiver.Answer.held());

    List<String> ids = publish(account, 30);
    Await.until(
        "requests in flight",
        Duration.ofSeconds(60),
        () -> receiver.received("/crash").size() >= 5);
    app.kill();
    int beforeCrash = receiver.received("/crash").size();
    receiver.byDefault("/crash", Receiver.Answer.status(200));
    receiver.release();

    app("crash-restarted");
    Await.until(
        "every delivery succeeded after the restart",
        Duration.ofSeconds(120),
        () -> rows.succeeded(webhookId) == ids.size());
    assertEquals(ids.size(), rows.deliveries(webhookId), "one delivery per event, none lost");
    Map<String, Long> afterRestart =
        sentPerMessage(
            receiver.received("/crash").subList(beforeCrash, receiver.received("/crash").size()));
    assertTrue(
        afterRestart.values().stream().allMatch(n -> n == 1),
        "after the restart each delivery went out once: " + afterRestart);
    assertEquals(
        ids.size(),
        rows.attemptsRecordedDelivered(webhookId),
        "every delivery has its successful attempt logged");
    assertEquals(
        0,
        broker.messageCount(EmbeddedBroker.DEAD_LETTER_QUEUE),
        "nothing was parked in the broker's DLQ");
    for (ApplicationProcess a : List.copyOf(apps)) {
      a.close();
    }
    apps.clear();
  }

  @Test
  void twoInstancesOnOneDatabaseAndBrokerNeverSendTwice() throws Exception {
    app("one");
    app("two");
    String account = "acc-scale";
    rows.account(account);
    // the first 100 requests fail, so both instances' schedulers hand out resends too
    Receiver.Answer[] failures = new Receiver.Answer[100];
    java.util.Arrays.fill(failures, Receiver.Answer.status(500));
    receiver.script("/scale", failures);
    long webhookId = rows.webhook(account, receiver.url("/scale"));
    List<String> ids = publish(account, 400);
    Await.until(
        "all delivered", Duration.ofSeconds(120), () -> rows.succeeded(webhookId) == ids.size());
    Map<String, Long> sent = sentPerMessage(receiver.received("/scale"));
    assertEquals(ids.size(), sent.size(), "every delivery reached the receiver");
    Map<String, Long> recorded = rows.attemptsPerMessage(webhookId);
    assertEquals(
        recorded,
        sent,
        "every request that went out is exactly one recorded attempt: no racing double send");
    assertEquals(ids.size() + 100, sent.values().stream().mapToLong(Long::longValue).sum());
  }

  private List<String> publish(String account, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("res-" + i + "-" + UUID.randomUUID());
    }
    Jms.publish(
        brokerPort,
        USER,
        PASSWORD,
        ids.stream()
            .map(id -> Jms.event(id, account, "sms.incoming", "{\"messageId\":\"" + id + "\"}"))
            .toList());
    return ids;
  }

  private static Map<String, Long> sentPerMessage(List<Receiver.Request> requests) {
    return requests.stream()
        .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
  }
}
