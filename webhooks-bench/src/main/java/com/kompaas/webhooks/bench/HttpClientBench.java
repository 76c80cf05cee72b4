package com.kompaas.webhooks.bench;

import com.kompaas.webhooks.delivery.control.ApacheHttpSender;
import com.kompaas.webhooks.delivery.control.OutboundRequest;
import com.kompaas.webhooks.delivery.control.SendResult;
import com.kompaas.webhooks.outbound.control.AddressGuard;
import com.kompaas.webhooks.outbound.control.HostResolver;
import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Chooses the delivery sender's HTTP client by measurement: each candidate POSTs the same small
 * JSON body with webhook-like headers from a number of threads, with keep-alive, to the bench's
 * Netty {@link Receiver} (200 at once), and the tool reports requests per second and the client
 * process's CPU per request. See docs/benchmarks.md.
 *
 * <p>The receiver runs in a process of its own, started once, and every candidate in every round
 * runs in a fresh JVM: the CPU measured is the client's alone (its process CPU time over the
 * measured window, after a warm-up in which the JIT settles), and no candidate inherits another's
 * threads, pools or compiled code. Candidates alternate within each round so that a slow spell of
 * the machine does not land on one of them. The machine's busy time that was neither the client's
 * nor the receiver's is reported as "others' CPU" (a share of all cores), so a run disturbed by
 * other work shows as such.
 *
 * <p>Options ({@code --name=value}): clients (comma list, default all), rounds (3), threads (16),
 * seconds (10), warmup (8), receiver-threads (1). The run-one and receiver modes are the tool's own
 * children.
 */
public final class HttpClientBench {

  /** The candidates, each set up as the delivery sender would use it. */
  static final Map<String, String> CANDIDATES = new LinkedHashMap<>();

  static {
    CANDIDATES.put(
        "urlconnection", "JDK HttpURLConnection, keep-alive (http.maxConnections = threads)");
    CANDIDATES.put(
        "jdk-httpclient", "JDK java.net.http.HttpClient, send(), HTTP/1.1, default executor");
    CANDIDATES.put(
        "jdk-httpclient-2",
        "the same with a 2-thread executor (its best set-up in shared/STACK.md)");
    CANDIDATES.put(
        "apache5",
        "Apache HttpClient 5.6 classic, pooling manager, STRICT pool, retries, redirects, cookies, compression off");
    CANDIDATES.put(
        "apache5-lax", "the same with the LAX pool (per-route limits only, no global lock)");
    CANDIDATES.put(
        "sender",
        "ApacheHttpSender itself, as DeliveryConfiguration builds it: guard, watchdog, SendResult");
  }

  private static final byte[] BODY = body();
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private HttpClientBench() {}

  /** About 300 bytes, shaped like a delivery's JSON. */
  private static byte[] body() {
    String json =
        "{\"type\":\"sms.incoming\",\"timestamp\":\"2026-12-02T10:00:00Z\",\"data\":{\"messageId\":\"1234567\","
            + "\"from\":\"+79161234567\",\"to\":\"+74951234567\",\"text\":\"Hello, this is a benchmark message of a"
            + " usual length for an SMS webhook\",\"account\":\"acc_0123456789\",\"direction\":\"inbound\","
            + "\"segments\":1,\"encoding\":\"GSM-7\"}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** The headers every candidate sends beside Content-Type, as the sender does for a delivery. */
  private static final String[][] HEADERS = {
    {"Content-Type", "application/json"},
    {"User-Agent", "kompaas-webhooks/1"},
    {"Accept", "*/*"},
    {"webhook-id", "msg_2aBcDeFgHiJkLmNoPqRsTuVwXyZ"},
    {"webhook-timestamp", "1796205600"},
    {"webhook-signature", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="},
  };

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Bench.options(args);
    if (options.containsKey("receiver")) {
      runReceiver(Integer.parseInt(options.getOrDefault("receiver-threads", "1")));
    } else if (options.containsKey("run-one")) {
      System.out.println(runOne(options.get("run-one"), options));
      System.exit(
          0); // the JDK client's selector thread and the pools' threads need not be waited for
    } else {
      compare(options);
    }
  }

  // --- the parent: one receiver, a fresh client JVM per candidate and round ---

  private static void compare(Map<String, String> options) throws Exception {
    List<String> clients =
        List.of(options.getOrDefault("clients", String.join(",", CANDIDATES.keySet())).split(","));
    for (String c : clients) {
      if (!CANDIDATES.containsKey(c)) {
        throw new IllegalArgumentException(
            "unknown client " + c + "; one of " + CANDIDATES.keySet());
      }
    }
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    Process receiver =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-Dslf4j.internal.verbosity=ERROR",
                "-cp",
                classpath,
                HttpClientBench.class.getName(),
                "--receiver",
                "--receiver-threads=" + options.getOrDefault("receiver-threads", "1"))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader fromReceiver =
          new BufferedReader(
              new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
      String port = fromReceiver.readLine();
      if (port == null) {
        throw new IllegalStateException("the receiver did not start");
      }
      System.out.printf(
          "receiver: pid %d, port %s; %d cores; %s threads, %s s warm-up, %s s measured%n",
          receiver.pid(),
          port,
          Runtime.getRuntime().availableProcessors(),
          options.getOrDefault("threads", "16"),
          options.getOrDefault("warmup", "8"),
          options.getOrDefault("seconds", "10"));
      for (String c : clients) {
        System.out.println("  " + c + ": " + CANDIDATES.get(c));
      }
      System.out.println();
      System.out.println(
          "| round | client | requests/s | client CPU µs/request | receiver CPU µs/request"
              + " | others' CPU | errors |");
      System.out.println("|---|---|---|---|---|---|---|");
      Map<String, List<String[]>> results = new LinkedHashMap<>();
      // round 0, not reported: the receiver's JIT settles before any candidate is measured
      for (int round = 0; round <= rounds; round++) {
        for (String c : round == 0 ? clients.subList(0, 1) : clients) {
          // slf4j's own notice that it has no provider (HttpClient 5 logs through it) is noise here
          List<String> command =
              new ArrayList<>(List.of(java, "-Xmx256m", "-Dslf4j.internal.verbosity=ERROR"));
          if (c.equals("urlconnection")) {
            // the JDK keeps only 5 idle connections per destination unless told otherwise
            command.add("-Dhttp.maxConnections=" + options.getOrDefault("threads", "16"));
          }
          command.addAll(
              List.of(
                  "-cp",
                  classpath,
                  HttpClientBench.class.getName(),
                  "--run-one=" + c,
                  "--port=" + port,
                  "--receiver-pid=" + receiver.pid()));
          for (String name : List.of("threads", "seconds", "warmup")) {
            if (options.containsKey(name)) {
              command.add("--" + name + "=" + options.get(name));
            }
          }
          Process child =
              new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
          String line =
              new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
          if (child.waitFor() != 0) {
            throw new IllegalStateException(c + " failed: " + line);
          }
          if (round > 0) {
            String[] f = line.split(" ");
            System.out.printf(
                "| %d | %s | %,.0f | %s | %s | %s %% | %s |%n",
                round, c, Double.parseDouble(f[0]), f[1], f[2], f[3], f[4]);
            results.computeIfAbsent(c, k -> new ArrayList<>()).add(f);
          }
        }
      }
      System.out.println();
      System.out.println("| client | median requests/s | median client CPU µs/request |");
      System.out.println("|---|---|---|");
      results.forEach(
          (c, runs) ->
              System.out.printf("| %s | %,.0f | %.1f |%n", c, median(runs, 0), median(runs, 1)));
    } finally {
      receiver.getOutputStream().close(); // the receiver exits when its stdin closes
      if (!receiver.waitFor(10, TimeUnit.SECONDS)) {
        receiver.destroy();
      }
    }
  }

  private static double median(List<String[]> runs, int field) {
    double[] v = runs.stream().mapToDouble(f -> Double.parseDouble(f[field])).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static void runReceiver(int threads) throws Exception {
    try (Receiver receiver = new Receiver(1, threads)) {
      System.out.println(receiver.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // until the parent closes our stdin
      }
    }
  }

  // --- a child: one candidate, warm-up, then the measured window ---

  /** One way of sending a POST and reading its whole response. */
  interface Client extends AutoCloseable {
    int post() throws Exception;

    @Override
    default void close() throws Exception {}
  }

  private static String runOne(String name, Map<String, String> options) throws Exception {
    int threads = Integer.parseInt(options.getOrDefault("threads", "16"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "8"));
    long receiverPid = Long.parseLong(options.get("receiver-pid"));
    URI url = URI.create("http://127.0.0.1:" + options.get("port") + "/hook/bench");
    LongAdder done = new LongAdder();
    LongAdder errors = new LongAdder();
    try (Client client = client(name, url, threads)) {
      Thread[] workers = new Thread[threads];
      AtomicBoolean stop = new AtomicBoolean();
      for (int i = 0; i < threads; i++) {
        workers[i] =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    try {
                      int status = client.post();
                      if (status == 200) {
                        done.increment();
                      } else {
                        errors.increment();
                      }
                    } catch (Exception e) {
                      if (errors.sum() == 0) {
                        System.err.println(name + ": first error: " + e);
                      }
                      errors.increment();
                    }
                  }
                },
                "client-" + i);
        workers[i].start();
      }
      TimeUnit.SECONDS.sleep(warmup);
      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long n0 = done.sum();
      long e0 = errors.sum();
      long cpu0 = os.getProcessCpuTime();
      long rcv0 = ticks(receiverPid);
      long[] machine0 = machine();
      long t0 = System.nanoTime();
      TimeUnit.SECONDS.sleep(seconds);
      long t1 = System.nanoTime();
      long n1 = done.sum();
      long e1 = errors.sum();
      long cpu1 = os.getProcessCpuTime();
      long rcv1 = ticks(receiverPid);
      long[] machine1 = machine();
      stop.set(true);
      for (Thread t : workers) {
        t.join(TIMEOUT.toMillis() + 1000);
      }
      long n = n1 - n0;
      double wall = (t1 - t0) / 1e9;
      // the rest of the machine's busy time: other processes, the kernel's own threads
      double clientTicks = (cpu1 - cpu0) / 1e7;
      double others =
          (machine1[0] - machine0[0] - clientTicks - (rcv1 - rcv0))
              / Math.max(1, machine1[1] - machine0[1]);
      return String.format(
          Locale.ROOT,
          "%.0f %.1f %.1f %.0f %d",
          n / wall,
          (cpu1 - cpu0) / 1e3 / n,
          (rcv1 - rcv0) * 1e4 / n,
          Math.max(0, others) * 100,
          e1 - e0);
    }
  }

  private static Client client(String name, URI url, int threads) throws Exception {
    return switch (name) {
      case "urlconnection" -> urlConnection(url);
      case "jdk-httpclient" -> jdkHttpClient(url, null);
      case "jdk-httpclient-2" ->
          jdkHttpClient(
              url,
              Executors.newFixedThreadPool(
                  2,
                  r -> {
                    Thread t = new Thread(r, "jdk-httpclient");
                    t.setDaemon(true);
                    return t;
                  }));
      case "apache5" -> apache(url, threads, PoolConcurrencyPolicy.STRICT);
      case "apache5-lax" -> apache(url, threads, PoolConcurrencyPolicy.LAX);
      case "sender" -> sender(url, threads);
      default -> throw new IllegalArgumentException(name);
    };
  }

  /**
   * As the sender used it: buffered body, read the whole response, close the stream to keep the
   * socket.
   */
  private static Client urlConnection(URI uri) throws IOException {
    URL url = uri.toURL();
    return () -> {
      HttpURLConnection conn = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
      conn.setInstanceFollowRedirects(false);
      conn.setUseCaches(false);
      conn.setConnectTimeout(5000);
      conn.setReadTimeout((int) TIMEOUT.toMillis());
      conn.setRequestMethod("POST");
      for (String[] h : HEADERS) {
        conn.setRequestProperty(h[0], h[1]);
      }
      conn.setDoOutput(true);
      try (OutputStream out = conn.getOutputStream()) {
        out.write(BODY);
      }
      int status = conn.getResponseCode();
      try (InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream()) {
        if (in != null) {
          in.readAllBytes();
        }
      }
      return status;
    };
  }

  private static Client jdkHttpClient(URI url, Executor executor) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5));
    if (executor != null) {
      builder.executor(executor);
    }
    HttpClient client = builder.build();
    HttpRequest.Builder template = HttpRequest.newBuilder(url).timeout(TIMEOUT);
    for (String[] h : HEADERS) {
      template.header(h[0], h[1]);
    }
    return () -> {
      HttpRequest request =
          template.copy().POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build();
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    };
  }

  /**
   * Set up as the delivery sender sets up its client; the candidate "sender" is the sender itself.
   */
  private static Client apache(URI url, int threads, PoolConcurrencyPolicy policy) {
    PoolingHttpClientConnectionManager pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setPoolConcurrencyPolicy(policy)
            .setMaxConnPerRoute(threads)
            .setMaxConnTotal(threads * 4)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofSeconds(5))
                    .setSocketTimeout(Timeout.of(TIMEOUT))
                    .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                    .build())
            .build();
    CloseableHttpClient client =
        org.apache.hc.client5.http.impl.classic.HttpClients.custom()
            .setConnectionManager(pool)
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableContentCompression()
            .disableAuthCaching()
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setProtocolUpgradeEnabled(false)
                    .setAuthenticationEnabled(false)
                    .setRedirectsEnabled(false)
                    .setConnectionRequestTimeout(Timeout.of(TIMEOUT))
                    .build())
            .build();
    return new Client() {
      @Override
      public int post() throws IOException {
        HttpPost post = new HttpPost(url);
        for (String[] h : HEADERS) {
          post.addHeader(h[0], h[1]);
        }
        post.setEntity(new ByteArrayEntity(BODY, null));
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
          if (response.getEntity() != null) {
            try (InputStream in = response.getEntity().getContent()) {
              in.readAllBytes();
            }
          }
          return response.getCode();
        }
      }

      @Override
      public void close() throws IOException {
        client.close();
      }
    };
  }

  /**
   * The production sender, with the loopback receiver allow-listed as the bench's application has
   * it.
   */
  static Client sender(URI url, int threads) {
    ApacheHttpSender sender =
        new ApacheHttpSender(
            ApacheHttpSender.Settings.defaults().withConnections(threads, Math.max(256, threads)),
            AddressGuard.parse("127.0.0.1/32", HostResolver.system()));
    List<OutboundRequest.Header> headers = new ArrayList<>();
    for (String[] h : HEADERS) {
      headers.add(new OutboundRequest.Header(h[0], h[1]));
    }
    OutboundRequest request = OutboundRequest.post(url, headers, BODY);
    return new Client() {
      @Override
      public int post() throws IOException {
        SendResult result = sender.send(request);
        if (!result.responded()) {
          throw new IOException(result.toString());
        }
        return result.status();
      }

      @Override
      public void close() {
        sender.close();
      }
    };
  }

  /** utime + stime of a process, in clock ticks (10 ms). */
  private static long ticks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** The machine's busy and total ticks, from the first line of /proc/stat. */
  private static long[] machine() throws IOException {
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < f.length && i <= 8; i++) {
      total += Long.parseLong(f[i]);
    }
    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
    return new long[] {total - idle, total};
  }
}
