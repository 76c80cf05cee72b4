package com.kompaas.webhooks.it.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.account.boundary.Accounts;
import com.kompaas.webhooks.account.boundary.ApiKeys;
import com.kompaas.webhooks.account.entity.Role;
import com.kompaas.webhooks.delivery.boundary.Deliveries;
import com.kompaas.webhooks.delivery.entity.Attempt;
import com.kompaas.webhooks.delivery.entity.Delivery;
import com.kompaas.webhooks.delivery.entity.DeliveryError;
import com.kompaas.webhooks.delivery.entity.DeliveryStatus;
import com.kompaas.webhooks.intake.boundary.Events;
import com.kompaas.webhooks.it.Await;
import com.kompaas.webhooks.it.ConsoleHttp;
import com.kompaas.webhooks.it.Deployments;
import com.kompaas.webhooks.it.Receiver;
import com.kompaas.webhooks.platform.boundary.Resources;
import com.kompaas.webhooks.subscription.boundary.Webhooks;
import com.kompaas.webhooks.subscription.entity.Webhook;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deleting a webhook keeps what it delivered: the deliveries and their attempts stay in the log
 * under the webhook's title, marked deleted, while the webhook itself is gone from every list, from
 * REST and from fan-out, and what was still waiting for a resend is ended.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookDeletionIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PASSWORD = "deletion-secret-1";
  private static final String TITLE = "Orders CRM to delete";

  @Deployment
  static WebArchive deployment() {
    return Deployments.webhooks(
        WebhookDeletionIT.class, Receiver.class, Receiver.Request.class, Receiver.Answer.class);
  }

  @ArquillianResource URL base;

  @Inject Webhooks webhooks;

  @Inject Deliveries deliveries;

  @Inject Accounts accounts;

  @Inject ApiKeys apiKeys;

  @Inject Events events;

  @Resource(lookup = Resources.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Resources.EVENTS_QUEUE_JNDI)
  Queue queue;

  @Resource UserTransaction tx;

  private final HttpClient http = HttpClient.newHttpClient();
  private Receiver receiver;
  private String account;
  private String key;

  @BeforeEach
  void setUp() throws Exception {
    receiver = new Receiver();
    account = "acc-del-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.createAccount(account, "Deletion test");
    accounts.createUser("admin-" + account, PASSWORD, Role.ACCOUNT_ADMIN, account);
    key = apiKeys.issue(account, "ci", "test").key();
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  @Test
  void deletingAWebhookKeepsItsDeliveredHistoryVisibleAndStopsEverythingElse() throws Exception {
    Webhook hook =
        webhooks.create(
            account,
            WebhookSettings.builder("sms.incoming")
                .title(TITLE)
                .url(receiver.url("/keep"))
                .retryIfError(true)
                .parameters("messageId")
                .build());
    Webhook other =
        webhooks.create(
            account,
            WebhookSettings.builder("sms.incoming")
                .title("Stays")
                .url(receiver.url("/stays"))
                .parameters("messageId")
                .build());

    String delivered = publish("{\"messageId\":\"before\"}");
    Delivery done = awaitStatus(hook, delivered, DeliveryStatus.SUCCEEDED);
    // the next one waits an hour for its resend: it is still to be sent when the webhook goes
    receiver.byDefault("/keep", Receiver.Answer.status(429, "Retry-After", "3600"));
    String waiting = publish("{\"messageId\":\"waiting\"}");
    Await.until(
        "the first attempt of the waiting one is recorded",
        WAIT,
        () -> {
          Optional<Delivery> d = delivery(hook, waiting);
          return d.isPresent()
              && d.get().getStatus() == DeliveryStatus.PENDING
              && d.get().getAttempts() == 1;
        });

    HttpResponse<String> deleted = rest("DELETE", "/webhooks/" + hook.getId());
    assertEquals(204, deleted.statusCode(), deleted.body());

    // the history is still there, attempts included
    Delivery kept =
        delivery(hook, delivered)
            .orElseThrow(() -> new AssertionError("the delivered delivery is gone"));
    assertEquals(DeliveryStatus.SUCCEEDED, kept.getStatus());
    List<Attempt> attempts = deliveries.attempts(account, done.getId());
    assertEquals(1, attempts.size(), "its attempt is kept");
    assertEquals(Attempt.Outcome.DELIVERED, attempts.get(0).getOutcome());
    assertEquals(200, rest("GET", "/deliveries/" + done.getId()).statusCode());
    HttpResponse<String> attemptsOverRest =
        rest("GET", "/deliveries/" + done.getId() + "/attempts");
    assertTrue(
        attemptsOverRest.body().contains("\"outcome\":\"DELIVERED\""), attemptsOverRest.body());

    // what was waiting for a resend is ended, with the reason, and its attempt kept
    Delivery ended =
        delivery(hook, waiting)
            .orElseThrow(() -> new AssertionError("the waiting delivery is gone"));
    assertEquals(DeliveryStatus.FAILED, ended.getStatus());
    assertEquals(DeliveryError.WEBHOOK_DELETED, ended.getLastError());
    assertEquals(1, deliveries.attempts(account, ended.getId()).size());
    assertFalse(
        deliveries.resend(account, ended.getId()), "a deleted webhook's delivery is not resent");

    // the webhook itself is gone: REST, the list, the console's settings page
    assertEquals(404, rest("GET", "/webhooks/" + hook.getId()).statusCode());
    assertEquals(404, rest("DELETE", "/webhooks/" + hook.getId()).statusCode());
    String list = rest("GET", "/webhooks").body();
    assertFalse(list.contains("\"id\":" + hook.getId() + ","), list);
    assertTrue(
        list.contains("\"id\":" + other.getId() + ","), "the other webhook is listed: " + list);
    assertTrue(webhooks.find(account, hook.getId()).isEmpty());

    ConsoleHttp console = ConsoleHttp.signIn(base.toURI(), "admin-" + account, PASSWORD);
    String webhooksPage = console.get("/webhooks.xhtml").body();
    assertFalse(webhooksPage.contains(TITLE), "the list omits the deleted webhook");
    String settingsPage = console.get("/webhook.xhtml?id=" + hook.getId()).body();
    assertTrue(settingsPage.contains("id=\"notFound\""), settingsPage);
    // the account's log still shows its deliveries, under its title, marked deleted
    String log = console.get("/deliveries.xhtml").body();
    assertTrue(log.contains(delivered) && log.contains(waiting), "the log lists both deliveries");
    assertTrue(log.contains(TITLE + " (deleted)"), "the log names the deleted webhook: " + log);

    // fan-out: a new event goes to the other webhook only
    String after = publish("{\"messageId\":\"after\"}");
    awaitStatus(other, after, DeliveryStatus.SUCCEEDED);
    Await.until("the event is stored", WAIT, () -> events.find(account, after).isPresent());
    assertTrue(delivery(hook, after).isEmpty(), "no delivery for the deleted webhook");
    assertEquals(2, receiver.received("/keep").size(), "nothing more went to the deleted webhook");
  }

  private HttpResponse<String> rest(String method, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(ConsoleHttp.anonymous(base.toURI()).resolve("/api/v1" + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("Authorization", "Bearer " + key)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private Optional<Delivery> delivery(Webhook hook, String eventId) {
    return deliveries
        .list(account, new Deliveries.Filter(hook.getId(), null, null, null, null, eventId), 0, 2)
        .stream()
        .findFirst();
  }

  private Delivery awaitStatus(Webhook hook, String eventId, DeliveryStatus status) {
    Await.until(
        "delivery of " + eventId + " " + status,
        WAIT,
        () -> delivery(hook, eventId).map(d -> d.getStatus() == status).orElse(false));
    return delivery(hook, eventId).orElseThrow();
  }

  private String publish(String data) throws Exception {
    String id = "ev-" + UUID.randomUUID();
    String body =
        "{\"id\":\""
            + id
            + "\",\"type\":\"sms.incoming\",\"accountId\":\""
            + account
            + "\",\"occurredAt\":\""
            + Instant.now()
            + "\",\"data\":"
            + data
            + "}";
    tx.begin();
    try (JMSContext context = connectionFactory.createContext()) {
      context.createProducer().send(queue, body);
    }
    tx.commit();
    return id;
  }
}
