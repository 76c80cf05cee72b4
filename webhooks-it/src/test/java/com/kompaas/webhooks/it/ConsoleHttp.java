package com.kompaas.webhooks.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console over plain HTTP, as a browser without JavaScript uses it: a client that keeps its
 * session cookie and signs in through the real login form (view state included).
 */
public final class ConsoleHttp {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient client;
  private String forwardedFor;

  private ConsoleHttp(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** A client with no session yet. */
  public static ConsoleHttp anonymous(URI base) {
    return new ConsoleHttp(base);
  }

  /**
   * Every later request names {@code client} in {@code X-Forwarded-For}, as a reverse proxy in
   * front of the application would (the tests' application trusts every address as a proxy).
   */
  public ConsoleHttp forwardedFor(String client) {
    this.forwardedFor = client;
    return this;
  }

  /** A client signed in as {@code login}. @throws AssertionError if the sign-in is refused */
  public static ConsoleHttp signIn(URI base, String login, String password)
      throws IOException, InterruptedException {
    ConsoleHttp console = new ConsoleHttp(base);
    HttpResponse<String> answer = console.submitLogin(login, password);
    if (answer.uri().getPath().endsWith("/login.xhtml")) {
      String body = answer.body() == null ? "" : answer.body();
      throw new AssertionError(
          "sign-in as "
              + login
              + " refused: "
              + answer.statusCode()
              + " "
              + body.substring(0, Math.min(body.length(), 600)));
    }
    return console;
  }

  /** Posts the login form; the answer is the page the browser would end on. */
  public HttpResponse<String> submitLogin(String login, String password)
      throws IOException, InterruptedException {
    String form = get("/login.xhtml").body();
    Matcher viewState = VIEW_STATE.matcher(form);
    if (!viewState.find()) {
      throw new AssertionError("no view state on the login page: " + form);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("login", "login");
    fields.put("login:username", login);
    fields.put("login:password", password);
    fields.put("login:submit", "");
    fields.put("jakarta.faces.ViewState", viewState.group(1));
    return send(
        HttpRequest.newBuilder(resolve("/login.xhtml"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
  }

  /** The view state of the first form on a page, as a browser would post it back. */
  public static String viewState(String page) {
    Matcher viewState = VIEW_STATE.matcher(page);
    if (!viewState.find()) {
      throw new AssertionError(
          "no view state on the page: " + page.substring(0, Math.min(page.length(), 600)));
    }
    return viewState.group(1);
  }

  /** Posts a form as a browser does, with any extra headers given as name, value, name, value. */
  public HttpResponse<String> post(String path, Map<String, String> fields, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(resolve(path)));
  }

  /** Sends any request with this client's cookies. */
  public HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public URI resolve(String path) {
    String b = base.toString();
    return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
