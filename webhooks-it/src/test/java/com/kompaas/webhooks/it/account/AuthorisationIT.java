package com.kompaas.webhooks.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.account.boundary.Accounts;
import com.kompaas.webhooks.account.boundary.ApiKeys;
import com.kompaas.webhooks.account.entity.Role;
import com.kompaas.webhooks.intake.boundary.Events;
import com.kompaas.webhooks.it.ConsoleHttp;
import com.kompaas.webhooks.it.Deployments;
import com.kompaas.webhooks.subscription.boundary.Webhooks;
import com.kompaas.webhooks.subscription.entity.Webhook;
import com.kompaas.webhooks.subscription.entity.WebhookSettings;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.ServletContext;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What each role may do, over real HTTP: a viewer changes nothing and sees no stored credential,
 * the signing secret is read and rotated by admins only, responses do not name the server, and a
 * stranger's wrong passwords do not lock the real user out.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorisationIT {

  private static final String PASSWORD = "authorisation-secret-1";

  /** POSTs that change nothing: they render what the caller sends. */
  private static final Set<String> READ_ONLY_POSTS = Set.of("POST webhooks/preview");

  @Deployment
  static WebArchive deployment() {
    return Deployments.webhooks(AuthorisationIT.class);
  }

  @ArquillianResource URL base;

  @Inject Accounts accounts;

  @Inject ApiKeys apiKeys;

  @Inject Webhooks webhooks;

  @Inject Events events;

  @Inject ServletContext servletContext;

  @PersistenceContext EntityManager em;

  @jakarta.annotation.Resource UserTransaction tx;

  private final HttpClient http = HttpClient.newHttpClient();

  private String a;
  private String b;
  private String keyA;
  private String keyB;
  private Webhook hook;

  @BeforeEach
  void accountWithAViewer() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    a = "authz-a-" + run;
    b = "authz-b-" + run;
    accounts.createAccount(a, "Account A");
    accounts.createAccount(b, "Account B");
    accounts.createUser("admin-" + a, PASSWORD, Role.ACCOUNT_ADMIN, a);
    accounts.createUser("viewer-" + a, PASSWORD, Role.ACCOUNT_VIEWER, a);
    keyA = apiKeys.issue(a, "ci", "test").key();
    keyB = apiKeys.issue(b, "ci", "test").key();
    hook =
        webhooks.create(
            a,
            WebhookSettings.builder("call.incoming.start")
                .title("with credentials")
                .url("http://127.0.0.1:9/hook?sig=url-s3cr3t-1")
                .header("X-Custom-Auth", "header-s3cr3t-2")
                .header("X-Tenant", "tenant-s3cr3t-3") // a name no rule would call a credential
                .queryParameter("token", "query-s3cr3t-4")
                .queryParameter("region", "query-s3cr3t-5")
                .build());
  }

  private URI api(String path) {
    return ConsoleHttp.anonymous(URI.create(base.toString())).resolve("/api/v1" + path);
  }

  private HttpResponse<String> call(String method, String path, String key) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(api(path)).method(method, HttpRequest.BodyPublishers.noBody());
    r.header("Authorization", "Bearer " + key);
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** Every JAX-RS resource class of the application, found in the deployed WAR's classes. */
  private List<Class<?>> resourceClasses() throws ClassNotFoundException {
    List<Class<?>> found = new ArrayList<>();
    collect("/WEB-INF/classes/", found);
    return found;
  }

  private void collect(String dir, List<Class<?>> found) throws ClassNotFoundException {
    Set<String> paths = servletContext.getResourcePaths(dir);
    if (paths == null) {
      return;
    }
    for (String p : paths) {
      if (p.endsWith("/")) {
        collect(p, found);
      } else if (p.endsWith("Resource.class") || p.endsWith(".class") && !p.contains("$")) {
        String name =
            p.substring("/WEB-INF/classes/".length(), p.length() - ".class".length())
                .replace('/', '.');
        if (!name.startsWith("com.kompaas.webhooks.")
            || name.startsWith("com.kompaas.webhooks.it.")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        if (type.isAnnotationPresent(Path.class)) {
          found.add(type);
        }
      }
    }
  }

  private static String httpMethod(Method m) {
    for (Class<? extends Annotation> verb :
        List.of(POST.class, PUT.class, DELETE.class, PATCH.class)) {
      if (m.isAnnotationPresent(verb)) {
        return verb.getSimpleName();
      }
    }
    return null;
  }

  @Test
  void aViewerIsRefusedByEveryEndpointThatChangesSomething() throws Exception {
    ConsoleHttp viewer = ConsoleHttp.signIn(URI.create(base.toString()), "viewer-" + a, PASSWORD);
    List<String> checked = new ArrayList<>();
    List<String> allowed = new ArrayList<>();
    String eventId = "viewer-" + UUID.randomUUID();
    for (Class<?> resource : resourceClasses()) {
      String root = resource.getAnnotation(Path.class).value();
      for (Method m : resource.getMethods()) {
        String verb = httpMethod(m);
        if (verb == null) {
          continue;
        }
        Path sub = m.getAnnotation(Path.class);
        String path = (root + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
        if (READ_ONLY_POSTS.contains(verb + " " + path)) {
          continue;
        }
        // every path parameter gets the viewer's own webhook id: the role must be refused first
        String concrete = path.replaceAll("\\{[^}]+}", String.valueOf(hook.getId()));
        var answer =
            viewer.send(
                HttpRequest.newBuilder(api("/" + concrete))
                    .header("X-Requested-By", "test")
                    .header("Content-Type", "application/json")
                    .method(
                        verb,
                        HttpRequest.BodyPublishers.ofString(
                            "{\"id\":\""
                                + eventId
                                + "\",\"type\":\"call.incoming.start\",\"accountId\":\""
                                + a
                                + "\",\"occurredAt\":\"2026-12-01T10:00:00Z\",\"data\":{}}")));
        checked.add(verb + " " + path);
        if (answer.statusCode() != 403) {
          allowed.add(verb + " " + path + " -> " + answer.statusCode() + " " + answer.body());
        }
      }
    }
    assertTrue(checked.size() >= 12, "found the resources' changing methods: " + checked);
    assertTrue(checked.contains("POST events"), checked.toString());
    assertEquals(List.of(), allowed, "a viewer changed something");
    Webhook now = webhooks.find(a, hook.getId()).orElseThrow();
    assertEquals(hook.getVersion(), now.getVersion(), "the viewer's webhook is untouched");
    assertTrue(events.find(a, eventId).isEmpty(), "no event was stored for the viewer");
  }

  @Test
  void aViewerSeesNoStoredCredentialAnAdminDoes() throws Exception {
    ConsoleHttp viewer = ConsoleHttp.signIn(URI.create(base.toString()), "viewer-" + a, PASSWORD);
    long id = hook.getId();
    List<String> seen = new ArrayList<>();
    for (String path : List.of("/webhooks", "/webhooks/" + id, "/webhooks/" + id + "/preview")) {
      var answer = viewer.send(HttpRequest.newBuilder(api(path)));
      assertEquals(200, answer.statusCode(), path + ": " + answer.body());
      seen.add(answer.body());
    }
    var page = viewer.get("/webhook.xhtml?id=" + id);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("with credentials"), "the console shows the webhook");
    seen.add(page.body());
    for (String text : seen) {
      assertFalse(text.contains("s3cr3t"), "a viewer read a credential: " + text);
    }
    String single = viewer.send(HttpRequest.newBuilder(api("/webhooks/" + id))).body();
    assertTrue(
        single.contains("X-Custom-Auth") && single.contains("\"token\""),
        "names stay visible: " + single);

    ConsoleHttp admin = ConsoleHttp.signIn(URI.create(base.toString()), "admin-" + a, PASSWORD);
    String asAdmin = admin.send(HttpRequest.newBuilder(api("/webhooks/" + id))).body();
    for (String secret :
        List.of("url-s3cr3t-1", "header-s3cr3t-2", "tenant-s3cr3t-3", "query-s3cr3t-4")) {
      assertTrue(asAdmin.contains(secret), "an admin edits " + secret + ": " + asAdmin);
    }
    assertTrue(admin.get("/webhook.xhtml?id=" + id).body().contains("header-s3cr3t-2"));
  }

  @Test
  void adminsReadAndRotateTheSigningSecretOthersCannot() throws Exception {
    long id = hook.getId();
    String stored = webhooks.find(a, id).orElseThrow().getSecret();
    var read = call("GET", "/webhooks/" + id + "/secret", keyA);
    assertEquals(200, read.statusCode(), read.body());
    assertEquals(stored, json(read).getString("secret"));

    var rotated = call("POST", "/webhooks/" + id + "/secret/rotate", keyA);
    assertEquals(200, rotated.statusCode(), rotated.body());
    String next = json(rotated).getString("secret");
    assertNotEquals(stored, next);
    assertTrue(next.startsWith("whsec_"), next);
    assertEquals(next, json(call("GET", "/webhooks/" + id + "/secret", keyA)).getString("secret"));
    assertEquals(next, webhooks.find(a, id).orElseThrow().getSecret());

    assertEquals(
        404,
        call("GET", "/webhooks/" + id + "/secret", keyB).statusCode(),
        "another account's webhook");
    assertEquals(404, call("POST", "/webhooks/" + id + "/secret/rotate", keyB).statusCode());
    ConsoleHttp viewer = ConsoleHttp.signIn(URI.create(base.toString()), "viewer-" + a, PASSWORD);
    var byViewer = viewer.send(HttpRequest.newBuilder(api("/webhooks/" + id + "/secret")));
    assertEquals(403, byViewer.statusCode(), byViewer.body());
    assertFalse(byViewer.body().contains("whsec_"));
    assertEquals(next, webhooks.find(a, id).orElseThrow().getSecret(), "nobody else rotated it");
  }

  @Test
  void theWebhookSaysWhyAndWhenTheSystemSwitchedItOff() throws Exception {
    long id = hook.getId();
    JsonObject before = json(call("GET", "/webhooks/" + id, keyA));
    assertEquals(
        JsonValue.NULL, before.getOrDefault("disabledReason", JsonValue.NULL), before.toString());
    Instant when = Instant.parse("2026-12-01T09:30:00Z");
    tx.begin();
    em.joinTransaction();
    em.createNamedQuery(Webhook.DISABLE_BY_SYSTEM)
        .setParameter("id", id)
        .setParameter("reason", "the receiver answered 410 Gone")
        .setParameter("now", when)
        .executeUpdate();
    tx.commit();
    JsonObject after = json(call("GET", "/webhooks/" + id, keyA));
    assertFalse(after.getBoolean("enabled"));
    assertEquals("the receiver answered 410 Gone", after.getString("disabledReason"));
    assertEquals(when, Instant.parse(after.getString("disabledAt")));
  }

  @Test
  void responsesDoNotNameTheServerAndTheSignInRedirectCarriesTheSecurityHeaders() throws Exception {
    HttpClient noRedirects =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    var redirect =
        noRedirects.send(
            HttpRequest.newBuilder(URI.create(base.toString() + "webhooks.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, redirect.statusCode());
    assertTrue(
        redirect.headers().firstValue("Location").orElse("").contains("/login.xhtml"),
        redirect.headers().toString());
    assertEquals(
        "DENY",
        redirect.headers().firstValue("X-Frame-Options").orElse(null),
        redirect.headers().toString());
    assertTrue(
        redirect
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("frame-ancestors 'none'"));

    var options =
        http.send(
            HttpRequest.newBuilder(api("/webhooks"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    var page =
        http.send(
            HttpRequest.newBuilder(URI.create(base.toString() + "login.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    for (HttpResponse<String> r :
        List.of(redirect, options, page, call("GET", "/webhooks", keyA))) {
      assertTrue(
          r.headers().firstValue("Server").isEmpty(),
          r.uri() + " names the server: " + r.headers());
      assertTrue(r.headers().firstValue("X-Powered-By").isEmpty(), r.uri() + ": " + r.headers());
    }
    assertFalse(options.body().toLowerCase().contains("jersey"), options.body());
    assertFalse(options.body().contains("wadl"), options.body());
  }

  @Test
  void aStrangersWrongPasswordsDoNotLockTheRealUserOut() throws Exception {
    String login = "admin-" + a;
    // the stranger, from one address: locked out after a few tries, and throttled
    for (int i = 0; i < 12; i++) {
      var refused = submitLoginFrom("203.0.113.7", login, "wrong-password-" + i);
      assertTrue(refused.uri().getPath().endsWith("/login.xhtml"));
    }
    var stranger = submitLoginFrom("203.0.113.7", login, PASSWORD);
    assertTrue(
        stranger.uri().getPath().endsWith("/login.xhtml"),
        "the stranger's address is locked even with the right password");
    assertTrue(stranger.body().contains("too many attempts"), stranger.body());
    // the real user, from another address, signs in at once
    var real = submitLoginFrom("198.51.100.20", login, PASSWORD);
    assertFalse(
        real.uri().getPath().endsWith("/login.xhtml"),
        "the real user was locked out by the stranger: " + real.uri());
    assertNull(
        accounts.user(login).orElseThrow().getLockedUntil(), "the login itself is not locked");
    assertNotNull(accounts.user(login).orElseThrow().getLastLoginAt());
  }

  /** The console's sign-in form through a proxy that names the client in X-Forwarded-For. */
  private HttpResponse<String> submitLoginFrom(String client, String login, String password)
      throws Exception {
    return ConsoleHttp.anonymous(URI.create(base.toString()))
        .forwardedFor(client)
        .submitLogin(login, password);
  }
}
