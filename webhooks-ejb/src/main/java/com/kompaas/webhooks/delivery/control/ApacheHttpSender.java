package com.kompaas.webhooks.delivery.control;

import com.kompaas.webhooks.delivery.entity.DeliveryError;
import com.kompaas.webhooks.outbound.control.AddressGuard;
import com.kompaas.webhooks.outbound.control.OutboundUrl;
import com.kompaas.webhooks.outbound.control.UnsafeAddressException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends with Apache HttpClient 5 (classic, blocking), synchronously on the caller's worker thread,
 * through one pool of keep-alive connections per endpoint. Chosen by measurement on our 2-core
 * machines (docs/benchmarks.md, 2026-12-02): as cheap per request as {@code HttpURLConnection} and
 * 3 to 6 times cheaper than {@code java.net.http.HttpClient}, and unlike the former it needs no
 * JVM-wide system property; every setting below belongs to this client alone.
 *
 * <p><b>The SSRF check happens inside the client's resolver.</b> Every new connection, http and
 * https alike, resolves its host through {@link AddressGuard#resolveChecked}, and the socket then
 * connects to one of the addresses the guard just passed, so DNS rebinding cannot slip between
 * check and connect. TLS is layered over that socket under the URL's host name, so SNI, the
 * certificate and host name verification are the JDK's standard ones (against the given {@link
 * SSLContext}). A pooled connection was checked when it was opened: the pool is keyed by scheme,
 * host name and port. Before anything is resolved, the URL's form is checked by {@link
 * OutboundUrl}, the check the webhook passed when it was saved: a host Java would read as another
 * address than browsers do, an impossible port or user info is refused as {@code BLOCKED_ADDRESS}
 * without any traffic.
 *
 * <p>What the client does not do, each switched off explicitly:
 *
 * <ul>
 *   <li><b>No proxy</b>, not even a JVM-wide SOCKS one: sockets are made with {@link
 *       Proxy#NO_PROXY} (a proxy would resolve names itself).
 *   <li><b>No redirects</b> (a 3xx is the attempt's result), no authentication replay on a 401, no
 *       cookies, no TLS upgrade headers on plain-http GETs.
 *   <li><b>No automatic retries.</b> A POST is never resent unseen: a request that fails on the
 *       wire is a failed attempt, and the resend schedule retries it under a new attempt.
 *   <li><b>No content decompression</b>: we send no {@code Accept-Encoding}, and a compressed body
 *       is kept as it came, so the response cap counts bytes on the wire and a small compressed
 *       body cannot expand in our memory.
 * </ul>
 *
 * <p><b>Connections.</b> At most {@link Settings#maxConnectionsPerEndpoint} connections per
 * endpoint (scheme, host, port) and {@link Settings#maxConnections} in all; a sender that finds its
 * endpoint's connections all busy waits for one, within its total timeout. Idle connections are
 * reused most recent first, kept for {@link #KEEP_ALIVE} at most (or what the server's {@code
 * Keep-Alive} header says), and one idle longer than {@link Settings#staleCheckAfter} is probed
 * before reuse, so a connection the server has closed is replaced instead of failing the attempt. A
 * server that closes the very moment a request goes out can still fail that one attempt; it is not
 * resent here, see above.
 *
 * <p><b>The total timeout</b> is enforced by a watchdog that cancels the request, closing its
 * connection, because socket timeouts apply per read and a slow drip could otherwise last for ever.
 * A response body beyond the cap is cut, and its connection closed rather than drained.
 */
public class ApacheHttpSender implements HttpSender, AutoCloseable {

  /** The longest an idle connection is kept when the server does not say. */
  public static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

  /** Timeouts, response cap, identity and connection bounds. */
  public record Settings(
      Duration connectTimeout,
      Duration totalTimeout,
      int maxResponseBytes,
      String userAgent,
      int maxConnectionsPerEndpoint,
      int maxConnections,
      Duration staleCheckAfter) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(15);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024;
    public static final String DEFAULT_USER_AGENT = "kompaas-webhooks/1";
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ENDPOINT = 16;
    public static final int DEFAULT_MAX_CONNECTIONS = 256;

    /**
     * Long enough that a busy connection is never probed, short enough for servers that close after
     * 2 s.
     */
    public static final Duration DEFAULT_STALE_CHECK_AFTER = Duration.ofSeconds(1);

    public Settings {
      if (connectTimeout.isNegative() || connectTimeout.isZero()) {
        throw new IllegalArgumentException("connect timeout must be positive");
      }
      if (totalTimeout.compareTo(connectTimeout) < 0) {
        throw new IllegalArgumentException("total timeout must be at least the connect timeout");
      }
      if (maxResponseBytes < 0) {
        throw new IllegalArgumentException("response cap must not be negative");
      }
      if (maxConnectionsPerEndpoint < 1) {
        throw new IllegalArgumentException("at least one connection per endpoint is needed");
      }
      if (maxConnections < maxConnectionsPerEndpoint) {
        throw new IllegalArgumentException(
            "the connections in all must be at least those per endpoint");
      }
      if (staleCheckAfter.isNegative()) {
        throw new IllegalArgumentException(
            "the idle time before a stale check must not be negative");
      }
    }

    /** The defaults' pool and stale check with these timeouts, cap and identity. */
    public Settings(
        Duration connectTimeout, Duration totalTimeout, int maxResponseBytes, String userAgent) {
      this(
          connectTimeout,
          totalTimeout,
          maxResponseBytes,
          userAgent,
          DEFAULT_MAX_CONNECTIONS_PER_ENDPOINT,
          DEFAULT_MAX_CONNECTIONS,
          DEFAULT_STALE_CHECK_AFTER);
    }

    public static Settings defaults() {
      return new Settings(
          DEFAULT_CONNECT_TIMEOUT,
          DEFAULT_TOTAL_TIMEOUT,
          DEFAULT_MAX_RESPONSE_BYTES,
          DEFAULT_USER_AGENT);
    }

    public Settings withConnections(int perEndpoint, int total) {
      return new Settings(
          connectTimeout,
          totalTimeout,
          maxResponseBytes,
          userAgent,
          perEndpoint,
          total,
          staleCheckAfter);
    }

    public Settings withStaleCheckAfter(Duration idle) {
      return new Settings(
          connectTimeout,
          totalTimeout,
          maxResponseBytes,
          userAgent,
          maxConnectionsPerEndpoint,
          maxConnections,
          idle);
    }
  }

  private final Settings settings;
  private final PoolingHttpClientConnectionManager pool;
  private final CloseableHttpClient client;
  private final ScheduledThreadPoolExecutor watchdog;
  private final Clock clock;

  public ApacheHttpSender(Settings settings, AddressGuard guard) {
    this(settings, guard, defaultTls(), Clock.systemUTC());
  }

  /**
   * @param tls the TLS context whose trust decides which certificates are accepted
   */
  public ApacheHttpSender(Settings settings, AddressGuard guard, SSLContext tls, Clock clock) {
    this.settings = Objects.requireNonNull(settings);
    this.clock = Objects.requireNonNull(clock);
    this.pool =
        new GuardedPoolBuilder(Objects.requireNonNull(guard))
            .setTlsSocketStrategy(
                new DefaultClientTlsStrategy(tls)) // the JDK's own host name check
            .setPoolConcurrencyPolicy(
                PoolConcurrencyPolicy.STRICT) // exact bounds; no slower than LAX here
            .setConnPoolPolicy(PoolReusePolicy.LIFO) // few warm connections; the rest idle out
            .setMaxConnPerRoute(settings.maxConnectionsPerEndpoint())
            .setMaxConnTotal(settings.maxConnections())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(timeout(settings.connectTimeout()))
                    .setSocketTimeout(timeout(settings.totalTimeout()))
                    .setValidateAfterInactivity(
                        TimeValue.ofMilliseconds(settings.staleCheckAfter().toMillis()))
                    .build())
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(pool)
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableContentCompression()
            .disableAuthCaching()
            .disableConnectionState() // no per-user pools: every connection is anonymous
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setRedirectsEnabled(false)
                    .setAuthenticationEnabled(false)
                    .setProtocolUpgradeEnabled(false)
                    .setExpectContinueEnabled(false)
                    .setConnectionRequestTimeout(
                        timeout(settings.totalTimeout())) // the watchdog ends it first
                    .setResponseTimeout(timeout(settings.totalTimeout()))
                    .setConnectionKeepAlive(TimeValue.ofMilliseconds(KEEP_ALIVE.toMillis()))
                    .build())
            .build();
    this.watchdog =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "webhook-send-watchdog");
              t.setDaemon(true);
              return t;
            });
    watchdog.setRemoveOnCancelPolicy(true); // nearly every task is cancelled; keep the queue small
    watchdog.scheduleWithFixedDelay(pool::closeExpired, 5, 5, TimeUnit.SECONDS);
  }

  /** The JVM's TLS context: its trust store decides which receivers are trusted. */
  static SSLContext defaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no default TLS context", e);
    }
  }

  @Override
  public SendResult send(OutboundRequest request) {
    Instant startedAt = clock.instant();
    long start = System.nanoTime();
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> timer = null;
    try {
      // the save-time check again: a webhook saved before it existed, or a request built elsewhere
      OutboundUrl.check(request.url());
      HttpUriRequestBase wire = prepare(request);
      timer =
          watchdog.schedule(
              () -> {
                expired.set(true);
                wire.cancel(); // closes the connection, whatever the request is waiting for
              },
              settings.totalTimeout().toMillis(),
              TimeUnit.MILLISECONDS);
      ClassicHttpResponse response = client.executeOpen(null, wire, null);
      try {
        Map<String, List<String>> headers = headersOf(response);
        byte[] body = new byte[0];
        boolean truncated = false;
        HttpEntity entity = response.getEntity();
        if (entity != null) {
          InputStream in = entity.getContent();
          byte[] buffer = in.readNBytes(settings.maxResponseBytes() + 1);
          truncated = buffer.length > settings.maxResponseBytes();
          if (truncated) {
            body = Arrays.copyOf(buffer, settings.maxResponseBytes());
            wire.cancel(); // do not read the rest of an oversized body just to keep the socket
          } else {
            body = buffer;
            in.close(); // at the end of the body: returns the connection to the pool
          }
        }
        return SendResult.response(
            startedAt, since(start), response.getCode(), headers, body, truncated);
      } finally {
        closeQuietly(
            response); // a no-op once the body was read to its end or the request cancelled
      }
    } catch (IOException | RuntimeException e) {
      if (expired.get()) {
        return SendResult.failure(
            startedAt,
            since(start),
            DeliveryError.TIMEOUT,
            "no complete response within " + shown(settings.totalTimeout()));
      }
      DeliveryError error = OutcomeClassifier.errorOf(e);
      return SendResult.failure(startedAt, since(start), error, describe(error, e, request.url()));
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  private HttpUriRequestBase prepare(OutboundRequest request) {
    HttpUriRequestBase wire = new HttpUriRequestBase(request.method(), request.url());
    wire.setPath(request.target()); // the request target exactly as the URL has it
    wire.setHeader("Host", request.hostHeader());
    boolean hasAgent = false;
    boolean hasAccept = false;
    boolean hasType = false;
    for (OutboundRequest.Header h : request.headers()) {
      wire.addHeader(h.name(), h.value());
      hasAgent |= h.name().equalsIgnoreCase("User-Agent");
      hasAccept |= h.name().equalsIgnoreCase("Accept");
      hasType |= h.name().equalsIgnoreCase("Content-Type");
    }
    // the client would otherwise send its own name and version
    if (!hasAgent) {
      wire.setHeader("User-Agent", settings.userAgent());
    }
    if (!hasAccept) {
      wire.setHeader("Accept", "*/*");
    }
    if (!hasType && request.bodyLength() > 0) {
      wire.setHeader("Content-Type", "application/octet-stream");
    }
    if (request.bodyLength() > 0) {
      wire.setEntity(
          new ByteArrayEntity(request.bodyUnsafe(), null)); // our Content-Type header stands
    }
    return wire; // a POST or PUT without a body goes with Content-Length: 0
  }

  /** The response's headers by name, as the server spelled the first of each, values in order. */
  private static Map<String, List<String>> headersOf(ClassicHttpResponse response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    for (Header h : response.getHeaders()) {
      String name =
          spelling.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> h.getName());
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(h.getValue());
    }
    headers.replaceAll((k, v) -> List.copyOf(v));
    return headers;
  }

  private static String describe(DeliveryError error, Exception e, URI url) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return switch (error) {
      case DNS -> "host " + url.getHost() + " does not resolve";
      case CONNECTION_REFUSED -> "connection to " + url.getHost() + " refused: " + message;
      default -> message;
    };
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      // the connection is discarded either way; the result is already decided
    }
  }

  /** 15 s as "15 s", as the attempt log has always said it; a test's 700 ms as "700 ms". */
  private static String shown(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static Timeout timeout(Duration d) {
    return Timeout.ofMilliseconds(d.toMillis());
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** The pool's counts, for tests: leased, pending, available and the bound. */
  PoolStats connections() {
    return pool.getTotalStats();
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    client.close(
        CloseMode.IMMEDIATE); // the application is stopping: never let a slow receiver hold it
  }

  /**
   * Resolves only through the guard, so the addresses connected to are the addresses checked. A
   * refusal travels as an {@link IOException}, which the client expects from a connect; its cause
   * tells {@link OutcomeClassifier#errorOf} that it is a refusal.
   */
  static final class GuardedResolver implements DnsResolver {

    private final AddressGuard guard;

    GuardedResolver(AddressGuard guard) {
      this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      try {
        return guard.resolveChecked(host).toArray(InetAddress[]::new);
      } catch (UnsafeAddressException e) {
        throw refusal(e);
      }
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
      List<InetSocketAddress> addresses = new ArrayList<>();
      for (InetAddress a : resolve(host)) {
        addresses.add(new InetSocketAddress(a, port)); // never an unresolved one
      }
      return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
      return host; // asked only for Kerberos, which we never use
    }

    private static UnknownHostException refusal(UnsafeAddressException e) {
      UnknownHostException wrapped = new UnknownHostException(e.getMessage());
      wrapped.initCause(e);
      return wrapped;
    }
  }

  /** The client's pool with our resolver and with sockets that never go through a proxy. */
  private static final class GuardedPoolBuilder extends PoolingHttpClientConnectionManagerBuilder {

    private final AddressGuard guard;

    GuardedPoolBuilder(AddressGuard guard) {
      this.guard = guard;
    }

    @Override
    protected HttpClientConnectionOperator createConnectionOperator(
        SchemePortResolver schemePortResolver, DnsResolver ignored, TlsSocketStrategy tls) {
      return new DefaultHttpClientConnectionOperator(
          socksProxy -> new Socket(Proxy.NO_PROXY),
          schemePortResolver,
          new GuardedResolver(guard),
          RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build());
    }
  }
}
