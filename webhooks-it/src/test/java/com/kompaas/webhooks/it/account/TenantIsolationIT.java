package com.kompaas.webhooks.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.account.boundary.Accounts;
import com.kompaas.webhooks.account.boundary.ApiKeys;
import com.kompaas.webhooks.account.boundary.AuditLog;
import com.kompaas.webhooks.account.entity.AuditEntry;
import com.kompaas.webhooks.account.entity.Role;
import com.kompaas.webhooks.intake.boundary.Events;
import com.kompaas.webhooks.it.Await;
import com.kompaas.webhooks.it.ConsoleHttp;
import com.kompaas.webhooks.it.Deployments;
import com.kompaas.webhooks.platform.boundary.Resources;
import com.kompaas.webhooks.subscription.boundary.Webhooks;
import com.kompaas.webhooks.subscription.entity.Webhook;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.net.URI;
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
 * Two accounts on the real MariaDB. Account B's API key and B's signed-in users try to read,
 * change, delete and preview A's webhook by id through the REST API; each attempt must fail and
 * leave A's row as it was. The same requests with A's credentials succeed, so the refusals are not
 * accidents.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

  private static final String PASSWORD = "isolation-secret-1";
  private static final String OPERATOR_PASSWORD = "it-operator-secret-1"; // arquillian.xml

  @Deployment
  static WebArchive deployment() {
    return Deployments.webhooks(TenantIsolationIT.class);
  }

  @ArquillianResource URL base;

  @Inject Accounts accounts;

  @Inject ApiKeys apiKeys;

  @Inject Webhooks webhooks;

  @Inject AuditLog audit;

  @Inject Events events;

  @Resource(lookup = Resources.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Resources.EVENTS_QUEUE_JNDI)
  Queue queue;

  @Resource UserTransaction tx;

  private final HttpClient http = HttpClient.newHttpClient();

  private String a;
  private String b;
  private String keyA;
  private String keyB;
  private Webhook hookA;

  @BeforeEach
  void twoAccounts() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    a = "iso-a-" + run;
    b = "iso-b-" + run;
    accounts.createAccount(a, "Account A");
    accounts.createAccount(b, "Account B");
    accounts.createUser("admin-" + a, PASSWORD, Role.ACCOUNT_ADMIN, a);
    accounts.createUser("viewer-" + a, PASSWORD, Role.ACCOUNT_VIEWER, a);
    accounts.createUser("admin-" + b, PASSWORD, Role.ACCOUNT_ADMIN, b);
    keyA = apiKeys.issue(a, "ci", "test").key();
    keyB = apiKeys.issue(b, "ci", "test").key();
    hookA = webhooks.create(a, settings("A's hook", "http://127.0.0.1:9/a"));
  }

  private static WebhookSettings settings(String title, String url) {
    return WebhookSettings.builder("call.incoming.start").title(title).url(url).build();
  }

  private URI api(String path) throws Exception {
    return ConsoleHttp.anonymous(base.toURI()).resolve("/api/v1" + path);
  }

  private HttpResponse<String> call(String method, String path, String key, String json)
      throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(api(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      r.header("Authorization", "Bearer " + key);
    }
    if (json != null) {
      r.header("Content-Type", "application/json");
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String changeOf(long version) {
    return "{\"eventType\":\"call.incoming.start\",\"title\":\"hijacked\",\"url\":\"http://127.0.0.1:9/evil\",\"version\":"
        + version
        + "}";
  }

  private void assertUntouched() {
    Webhook now =
        webhooks
            .find(a, hookA.getId())
            .orElseThrow(() -> new AssertionError("A's webhook is gone"));
    assertEquals(hookA.getVersion(), now.getVersion());
    assertEquals("A's hook", now.getTitle());
    assertEquals("http://127.0.0.1:9/a", now.getUrl());
    assertTrue(now.isEnabled());
  }

  @Test
  void anotherAccountsKeyCannotReadChangeDeleteOrPreview() throws Exception {
    long id = hookA.getId();
    assertEquals(404, call("GET", "/webhooks/" + id, keyB, null).statusCode());
    assertEquals(
        404, call("PUT", "/webhooks/" + id, keyB, changeOf(hookA.getVersion())).statusCode());
    assertEquals(404, call("POST", "/webhooks/" + id + "/disable", keyB, null).statusCode());
    assertEquals(404, call("GET", "/webhooks/" + id + "/preview", keyB, null).statusCode());
    assertEquals(404, call("DELETE", "/webhooks/" + id, keyB, null).statusCode());
    assertFalse(
        call("GET", "/webhooks", keyB, null).body().contains("\"id\":" + id + ","),
        "B's list omits A's webhook");
    assertUntouched();

    // the same with A's own key works, so the refusals above are about the account
    HttpResponse<String> own = call("GET", "/webhooks/" + id, keyA, null);
    assertEquals(200, own.statusCode(), own.body());
    assertTrue(own.body().contains("A's hook"), own.body());
    assertEquals(200, call("GET", "/webhooks/" + id + "/preview", keyA, null).statusCode());
  }

  @Test
  void anotherAccountsSignedInAdminCannotReadChangeDeleteOrPreview() throws Exception {
    ConsoleHttp adminB = ConsoleHttp.signIn(base.toURI(), "admin-" + b, PASSWORD);
    long id = hookA.getId();
    for (String[] attempt :
        new String[][] {
          {"GET", "/webhooks/" + id, null},
          {"PUT", "/webhooks/" + id, changeOf(hookA.getVersion())},
          {"POST", "/webhooks/" + id + "/disable", null},
          {"GET", "/webhooks/" + id + "/preview", null},
          {"DELETE", "/webhooks/" + id, null}
        }) {
      HttpRequest.Builder r =
          HttpRequest.newBuilder(api(attempt[1]))
              .header("X-Requested-By", "test")
              .header("Content-Type", "application/json")
              .method(
                  attempt[0],
                  attempt[2] == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(attempt[2]));
      assertEquals(404, adminB.send(r).statusCode(), attempt[0] + " " + attempt[1]);
    }
    assertUntouched();

    ConsoleHttp adminA = ConsoleHttp.signIn(base.toURI(), "admin-" + a, PASSWORD);
    assertEquals(200, adminA.send(HttpRequest.newBuilder(api("/webhooks/" + id))).statusCode());
  }

  @Test
  void aViewerReadsButCannotChange() throws Exception {
    ConsoleHttp viewer = ConsoleHttp.signIn(base.toURI(), "viewer-" + a, PASSWORD);
    long id = hookA.getId();
    assertEquals(200, viewer.send(HttpRequest.newBuilder(api("/webhooks/" + id))).statusCode());
    var delete =
        viewer.send(
            HttpRequest.newBuilder(api("/webhooks/" + id))
                .header("X-Requested-By", "test")
                .DELETE());
    assertEquals(403, delete.statusCode(), delete.body());
    assertUntouched();
  }

  @Test
  void aCookieAloneCannotChangeAnything() throws Exception {
    // what a forged cross-site request riding on the session cookie looks like: no custom header
    ConsoleHttp adminA = ConsoleHttp.signIn(base.toURI(), "admin-" + a, PASSWORD);
    var forged =
        adminA.send(
            HttpRequest.newBuilder(api("/webhooks/" + hookA.getId() + "/disable"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(403, forged.statusCode(), forged.body());
    assertUntouched();
  }

  @Test
  void noKeyOrAWrongOrRevokedKeyIsUnauthorized() throws Exception {
    assertEquals(401, call("GET", "/webhooks", null, null).statusCode());
    assertEquals(401, call("GET", "/webhooks", "whk_not-a-key", null).statusCode());
    long keyId =
        apiKeys.list(a).stream()
            .filter(k -> keyA.startsWith(k.getPrefix()))
            .findFirst()
            .orElseThrow()
            .getId();
    assertTrue(apiKeys.revoke(a, keyId));
    assertEquals(401, call("GET", "/webhooks", keyA, null).statusCode());
    assertFalse(apiKeys.revoke(b, keyId), "B cannot revoke A's key");
  }

  @Test
  void aKeyShowsItsLastUseButNeverItself() throws Exception {
    assertEquals(200, call("GET", "/webhooks", keyA, null).statusCode());
    var key = apiKeys.list(a).get(0);
    assertNotNull(key.getLastUsedAt());
    ConsoleHttp adminA = ConsoleHttp.signIn(base.toURI(), "admin-" + a, PASSWORD);
    String listed = adminA.send(HttpRequest.newBuilder(api("/api-keys"))).body();
    assertTrue(listed.contains(key.getPrefix()), listed);
    assertFalse(listed.contains(keyA), "the key itself is never listed");
  }

  @Test
  void invalidSettingsAndInternalUrlsAreFieldErrors() throws Exception {
    var invalid =
        call(
            "POST",
            "/webhooks",
            keyA,
            "{\"eventType\":\"call.incoming.start\",\"title\":\"\",\"url\":\"http://169.254.169.254/latest/meta-data\"}");
    assertEquals(400, invalid.statusCode(), invalid.body());
    JsonObject body = Json.createReader(new StringReader(invalid.body())).readObject();
    String fields = body.getJsonArray("errors").toString();
    assertTrue(fields.contains("\"field\":\"title\""), fields);
    assertTrue(fields.contains("\"field\":\"url\"") && fields.contains("metadata"), fields);
  }

  @Test
  void changesAreAuditedWithSecretsMasked() throws Exception {
    var created =
        call(
            "POST",
            "/webhooks",
            keyA,
            "{\"eventType\":\"call.incoming.start\",\"title\":\"audited\",\"url\":\"http://127.0.0.1:9/x\","
                + "\"headers\":[{\"name\":\"Authorization\",\"value\":\"Bearer top-secret-token\"}]}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject json = Json.createReader(new StringReader(created.body())).readObject();
    long id = json.getJsonNumber("id").longValue();
    assertEquals(
        200,
        call(
                "PUT",
                "/webhooks/" + id,
                keyA,
                "{\"eventType\":\"call.incoming.start\",\"title\":\"audited 2\",\"url\":\"http://127.0.0.1:9/x\",\"version\":"
                    + json.getJsonNumber("version").longValue()
                    + "}")
            .statusCode());
    assertEquals(204, call("DELETE", "/webhooks/" + id, keyA, null).statusCode());

    List<AuditEntry> entries = audit.forWebhook(a, id, 10);
    assertEquals(
        List.of(AuditEntry.Action.DELETE, AuditEntry.Action.UPDATE, AuditEntry.Action.CREATE),
        entries.stream().map(AuditEntry::getAction).toList());
    AuditEntry create = entries.get(2);
    assertTrue(create.getActor().startsWith("api-key:whk_"), create.getActor());
    assertTrue(create.getAfter().contains("Authorization"), create.getAfter());
    assertFalse(create.getAfter().contains("top-secret-token"), create.getAfter());
    assertTrue(entries.get(1).getBefore().contains("\"title\":\"audited\""));
    assertTrue(entries.get(1).getAfter().contains("\"title\":\"audited 2\""));
    assertTrue(audit.forWebhook(b, id, 10).isEmpty(), "B sees none of A's audit log");
    String ownLog = call("GET", "/audit?webhookId=" + id, keyA, null).body();
    assertTrue(
        ownLog.contains("\"action\":\"DELETE\"") && !ownLog.contains("top-secret-token"), ownLog);
    assertEquals("[]", call("GET", "/audit?webhookId=" + id, keyB, null).body());
    assertFalse(
        call("GET", "/audit", keyB, null).body().contains("audited"), "B's log has nothing of A's");
  }

  @Test
  void repeatedWrongPasswordsLockTheUserForThatClient() throws Exception {
    String login = "admin-" + a;
    var console = ConsoleHttp.anonymous(base.toURI());
    for (int i = 0; i < 5; i++) {
      assertTrue(
          console
              .submitLogin(login, "wrong-password-" + i)
              .uri()
              .getPath()
              .endsWith("/login.xhtml"));
    }
    var locked = console.submitLogin(login, PASSWORD);
    assertTrue(
        locked.uri().getPath().endsWith("/login.xhtml"),
        "the right password is refused while locked");
    assertTrue(locked.body().contains("too many attempts"), locked.body());
    // the lock is this client's (AuthorisationIT: a stranger cannot lock the real user out)
    assertNull(accounts.user(login).orElseThrow().getLockedUntil());
    var elsewhere =
        ConsoleHttp.anonymous(base.toURI())
            .forwardedFor("198.51.100.77")
            .submitLogin(login, PASSWORD);
    assertFalse(
        elsewhere.uri().getPath().endsWith("/login.xhtml"), "signed in from another client");
  }

  @Test
  void theFirstStartCreatedOneOperatorAndCannotRunTwice() throws Exception {
    assertEquals(
        1,
        accounts.users(null).stream().filter(u -> u.getRole() == Role.PLATFORM_OPERATOR).count());
    assertTrue(accounts.exists(Accounts.DEMO_ACCOUNT));
    // a second instance racing the first fails on the constraints and adds nothing
    assertThrows(
        EJBException.class,
        () -> accounts.createFirstUsers("another-secret-1", "another-secret-2"));
    assertEquals(
        1,
        accounts.users(null).stream().filter(u -> u.getRole() == Role.PLATFORM_OPERATOR).count());
    ConsoleHttp.signIn(base.toURI(), Accounts.FIRST_OPERATOR, OPERATOR_PASSWORD);
  }

  @Test
  void theEventsPageShowsEachAccountOnlyItsOwnEvents() throws Exception {
    String idA = "page-a-" + UUID.randomUUID();
    String idB = "page-b-" + UUID.randomUUID();
    tx.begin(); // as IntakeIT publishes: the adapter's sessions enlist in a transaction
    try (JMSContext jms = connectionFactory.createContext()) {
      for (String[] e : new String[][] {{idA, a}, {idB, b}}) {
        jms.createProducer()
            .send(
                queue,
                "{\"id\":\""
                    + e[0]
                    + "\",\"type\":\"sms.incoming\",\"accountId\":\""
                    + e[1]
                    + "\",\"occurredAt\":\"2026-11-28T10:15:30Z\",\"data\":{}}");
      }
    }
    tx.commit();
    Await.until(
        "both events stored",
        Duration.ofSeconds(30),
        () -> events.find(a, idA).isPresent() && events.find(b, idB).isPresent());

    String pageOfB =
        ConsoleHttp.signIn(base.toURI(), "admin-" + b, PASSWORD).get("/events.xhtml").body();
    assertTrue(pageOfB.contains(idB), "B sees its own event");
    assertFalse(pageOfB.contains(idA), "B does not see A's event");
    assertTrue(pageOfB.contains("1 stored"), "B's count is its own");
    String pageOfOperator =
        ConsoleHttp.signIn(base.toURI(), Accounts.FIRST_OPERATOR, OPERATOR_PASSWORD)
            .get("/events.xhtml")
            .body();
    assertTrue(
        pageOfOperator.contains(idA) && pageOfOperator.contains(idB), "the operator sees both");
    String anonymous = ConsoleHttp.anonymous(base.toURI()).get("/events.xhtml").body();
    assertFalse(
        anonymous.contains(idA) || anonymous.contains(idB), "nobody signed in sees nothing");
  }

  @Test
  void unknownAccountsDoNotExist() {
    assertTrue(accounts.exists(a));
    assertFalse(accounts.exists("no-such-" + a));
    assertFalse(accounts.exists(null));
  }
}
