package com.kompaas.webhooks.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Runs the packaged application against real parts on this machine and reports what it sustains:
 * throughput, fan-out 10, publish-to-receipt latency at a fixed rate, the same with a dead endpoint
 * beside the healthy ones, and the application's memory. See docs/benchmarks.md.
 *
 * <p>Options ({@code --name=value}): events, rate, seconds, dead-rate, accounts, producers,
 * producer (async or transacted), window, receiver-threads, xmx, broker-xmx, scenarios (comma list
 * of throughput, fanout, latency, isolation), fanout-events, micro-jar, artemis-home, results,
 * work, app-jvm (extra JVM options for the application), db-host, db-port, db-name, db-admin,
 * db-admin-password, keep-db, drain-timeout; and {@code --smoke}: 200 events through the throughput
 * scenario, exit status 1 unless every one was delivered once and recorded (CI runs it; it asserts
 * no wall-clock figure).
 */
public final class Bench {

  /**
   * Accounts of the fan-out scenario, each with {@link Receiver#FAN_MAX} webhooks for the same
   * event type.
   */
  static final int FAN_ACCOUNTS = 2;

  static final long FIRST_FAN_WEBHOOK_ID = BenchDatabase.FIRST_WEBHOOK_ID + 10_000;

  static final String DEAD_ACCOUNT = "bench-dead";

  /**
   * The isolation throughput scenario's endpoints that never answer: 2 beside the 20 healthy ones
   * by default.
   */
  static final List<String> DEAD_ACCOUNTS = List.of("bench-dead-flat-0", "bench-dead-flat-1");

  static final long FIRST_DEAD_WEBHOOK_ID = BenchDatabase.FIRST_WEBHOOK_ID + 30_000;
  private static final String BROKER_USER = "bench";
  private static final String BROKER_PASSWORD = "bench-secret";

  private final Map<String, String> options;
  private final List<String> sections = new ArrayList<>();
  private final List<String> summary = new ArrayList<>();
  private BenchDatabase db;
  private Receiver receiver;
  private Publisher publisher;
  private ProcessMonitor monitor;
  private int nextSeq;
  private Histogram latencyBaseline;
  private boolean userStatistics;

  /** What {@code --smoke} sets, unless given explicitly. */
  private static final Map<String, String> SMOKE =
      Map.of(
          "scenarios",
          "throughput",
          "events",
          "200",
          "accounts",
          "4",
          "results",
          "webhooks-bench/target/smoke-results",
          "work",
          "webhooks-bench/target/smoke-work",
          "drain-timeout",
          "120",
          "db-name",
          "webhooks_bench_smoke");

  private BrokerProcess broker;
  private final List<String> failures = new ArrayList<>();

  /** The throughput scenario's steady deliveries/s, for the raw limit's ratio; 0 before it ran. */
  private double throughputSteady;

  private Bench(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    if (options.containsKey("smoke")) {
      SMOKE.forEach(options::putIfAbsent);
    }
    int status = 0;
    try {
      Bench bench = new Bench(options);
      bench.run();
      if (!bench.failures.isEmpty()) {
        System.out.println("FAILED: " + String.join("; ", bench.failures));
        status = 1;
      } else if (options.containsKey("smoke")) {
        System.out.println("SMOKE PASSED: every event delivered once and recorded");
      }
    } catch (Exception e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status); // the JMS clients' non-daemon threads must not keep us alive
  }

  /** {@code --name=value} arguments by name; a bare {@code --name} is {@code true}. */
  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("options are --name=value, not " + arg);
      }
      int eq = arg.indexOf('=');
      options.put(
          eq < 0 ? arg.substring(2) : arg.substring(2, eq),
          eq < 0 ? "true" : arg.substring(eq + 1));
    }
    return options;
  }

  private String opt(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  private int intOpt(String name, int fallback) {
    return Integer.parseInt(opt(name, String.valueOf(fallback)));
  }

  private void run() throws Exception {
    int events = intOpt("events", 50_000);
    int rate = intOpt("rate", 1_000);
    int seconds = intOpt("seconds", 30);
    int deadRate = intOpt("dead-rate", 50);
    int accounts = intOpt("accounts", 20);
    int producers = intOpt("producers", 2);
    String xmx = opt("xmx", "1g");
    List<String> scenarios = List.of(opt("scenarios", "throughput,latency,isolation").split(","));
    Path microJar = Path.of(opt("micro-jar", "webhooks-launcher/target/webhooks-micro.jar"));
    Path results = Path.of(opt("results", "webhooks-bench/results"));
    Path work = Path.of(opt("work", "webhooks-bench/target/bench-work"));
    if (!Files.isRegularFile(microJar)) {
      throw new IllegalStateException(
          microJar + " is missing; build it with mvn -B -DskipTests package");
    }
    deleteRecursively(work);
    Files.createDirectories(work);
    int backlog = scenarios.contains("backlog") ? intOpt("backlog", 1_000_000) : 0;
    int fanoutEvents =
        scenarios.contains("fanout")
            ? intOpt("fanout-events", Math.max(1, events / Receiver.FAN_MAX))
            : 0;
    // every scenario's sequence numbers: latency and isolation take up to three paced runs
    int soakEvents =
        scenarios.contains("soak") ? intOpt("soak-rate", 500) * intOpt("soak-minutes", 30) * 60 : 0;
    int capacity =
        events
            + fanoutEvents
            + rate * seconds * 3
            + 16
            + backlog
            + intOpt("backlog-rate", 200) * backlogSeconds(backlog)
            + soakEvents;
    String runId = "r" + Long.toString(System.currentTimeMillis(), 36);
    Instant startedAt = Instant.now();

    db =
        new BenchDatabase(
            opt("db-host", "127.0.0.1"),
            intOpt("db-port", 3306),
            opt("db-name", "webhooks_bench"),
            opt("db-admin", "root"),
            opt("db-admin-password", ""));
    AppProcess app = null;
    try {
      db.recreate();
      userStatistics = db.enableUserStatistics();
      int brokerPort = AppProcess.freePort();
      broker =
          BrokerProcess.start(
              BrokerProcess.home(Path.of(opt("artemis-home", "webhooks-bench/target/artemis"))),
              work.resolve("broker"),
              brokerPort,
              BROKER_USER,
              BROKER_PASSWORD,
              opt("broker-xmx", "512m"),
              Duration.ofMinutes(2));
      receiver = new Receiver(capacity, intOpt("receiver-threads", 1));
      Publisher.Mode mode = Publisher.Mode.of(opt("producer", "async"));
      publisher =
          new Publisher(
              broker.url(),
              BROKER_USER,
              BROKER_PASSWORD,
              accounts,
              runId,
              capacity,
              mode,
              intOpt("window", mode == Publisher.Mode.ASYNC ? 1000 : 50));
      log(
          "database "
              + db.url()
              + ", broker on "
              + brokerPort
              + " (pid "
              + broker.pid()
              + ", log "
              + broker.log()
              + "), receiver on "
              + receiver.port());

      long boot = System.nanoTime();
      List<String> jvm =
          options.containsKey("app-jvm")
              ? List.of(opt("app-jvm", "").trim().split("\\s+"))
              : List.of();
      app =
          AppProcess.start(
              microJar,
              work,
              xmx,
              jvm,
              Map.of(
                  "WEBHOOKS_DB_URL",
                  db.url(),
                  "WEBHOOKS_DB_USER",
                  BenchDatabase.USER,
                  "WEBHOOKS_DB_PASSWORD",
                  BenchDatabase.PASSWORD,
                  "ARTEMIS_CONNECTION_PARAMETERS",
                  "host=127.0.0.1;port=" + brokerPort,
                  "ARTEMIS_USER",
                  BROKER_USER,
                  "ARTEMIS_PASSWORD",
                  BROKER_PASSWORD,
                  "WEBHOOKS_OUTBOUND_ALLOW",
                  "127.0.0.1/32"));
      app.awaitReady(Duration.ofMinutes(4));
      double bootSeconds = (System.nanoTime() - boot) / 1e9;
      log(
          String.format(
              "application ready in %.1f s (pid %d, log %s)", bootSeconds, app.pid(), app.log()));
      monitor = new ProcessMonitor(app.pid(), broker.pid());

      for (int a = 0; a < accounts; a++) {
        db.insertAccount(Publisher.account(a));
        db.insertWebhook(
            BenchDatabase.FIRST_WEBHOOK_ID + a,
            Publisher.account(a),
            "http://127.0.0.1:" + receiver.port() + "/hook/" + a);
      }
      for (int a = 0; a < FAN_ACCOUNTS; a++) {
        db.insertAccount(Publisher.fanAccount(a));
        for (int k = 0; k < Receiver.FAN_MAX; k++) {
          db.insertWebhook(
              FIRST_FAN_WEBHOOK_ID + a * Receiver.FAN_MAX + k,
              Publisher.fanAccount(a),
              "http://127.0.0.1:" + receiver.port() + "/fan/" + k);
        }
      }
      db.insertAccount(DEAD_ACCOUNT);
      db.insertWebhook(
          BenchDatabase.FIRST_WEBHOOK_ID + accounts,
          DEAD_ACCOUNT,
          "http://127.0.0.1:" + receiver.port() + "/dead");

      for (int d = 0; d < DEAD_ACCOUNTS.size(); d++) {
        db.insertAccount(DEAD_ACCOUNTS.get(d));
        db.insertWebhook(
            FIRST_DEAD_WEBHOOK_ID + d,
            DEAD_ACCOUNTS.get(d),
            "http://127.0.0.1:" + receiver.port() + "/dead");
      }

      String settings =
          settings(events, rate, seconds, deadRate, accounts, producers, xmx, bootSeconds);
      for (String scenario : scenarios) {
        switch (scenario.trim()) {
          case "throughput" -> throughput("Throughput", events, 1, producers, false);
          case "fanout" ->
              throughput("Fan-out 10", fanoutEvents, Receiver.FAN_MAX, producers, false);
          case "isolation-throughput" ->
              throughput("Isolation, flat out", events, 1, producers, true);
          case "latency" -> latency(rate, seconds, producers);
          case "raw" -> raw(intOpt("raw-threads", 64), intOpt("raw-seconds", 10));
          case "backlog" ->
              backlog(backlog, intOpt("backlog-rate", 200), producers, accounts, runId);
          case "isolation" -> isolation(rate, seconds, producers, deadRate, accounts);
          case "soak" -> soak(intOpt("soak-rate", 500), intOpt("soak-minutes", 30), producers);
          case "log" -> deliveryLog(app, intOpt("log-attempts", 10_000_000), accounts);
          default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
      }
      sections.add(
          "## Memory\n\n| | |\n|---|---|\n| `-Xmx` | "
              + xmx
              + " |\n| peak RSS of the application, whole run | "
              + monitor.peakRssKb() / 1024
              + " MiB |\n");
      summary.add("peak RSS " + monitor.peakRssKb() / 1024 + " MiB (-Xmx" + xmx + ")");
      String report = report(startedAt, settings);
      Files.createDirectories(results);
      Path file =
          results.resolve(
              DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                      .withZone(ZoneOffset.UTC)
                      .format(startedAt)
                  + ".md");
      Files.writeString(file, report, StandardCharsets.UTF_8);
      System.out.println();
      System.out.println(report);
      log("report written to " + file);
    } finally {
      if (monitor != null) {
        monitor.close();
      }
      if (app != null) {
        log("stopping the application");
        app.close();
      }
      if (receiver != null) {
        receiver.close();
      }
      if (broker != null) {
        broker.close();
      }
      if (!options.containsKey("keep-db")) {
        db.drop();
      }
      db.close();
    }
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Events published flat out, each to {@code fan} webhooks: one of the healthy accounts' (the
   * throughput scenario), or all ten of a fan-out account's.
   */
  private void throughput(String title, int events, int fan, int producers, boolean withDead)
      throws Exception {
    log(
        title.toLowerCase()
            + ": "
            + events
            + " events from "
            + producers
            + " producers, "
            + fan
            + " deliveries each"
            + (withDead ? ", every tenth to an endpoint that never answers" : ""));
    int from = reserve(events);
    long dead0 = receiver.deadRequests();
    int dead =
        withDead
            ? (int)
                java.util.stream.IntStream.range(from, from + events)
                    .filter(s -> s % 10 == 9)
                    .count()
            : 0;
    int deliveries = (events - dead) * fan;
    java.util.function.IntFunction<String> event =
        withDead ? publisher::mixedEvent : fan == 1 ? publisher::healthyEvent : publisher::fanEvent;
    long events0 = db.events();
    long succeeded0 = db.succeeded();
    long attempts0 = db.attempts();
    Map<String, Long> status0 = db.serverStatus();
    Map<String, Long> user0 = userStatistics ? db.userStatistics() : Map.of();
    long confirmed0 = publisher.confirmed();
    var cpu0 = monitor.mark();
    monitor.takeWindowPeakRssKb();
    long t0 = System.nanoTime();
    Thread publishing =
        new Thread(
            () -> {
              try {
                publisher.flatOut(from, events, producers, event);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "flat-out");
    publishing.start();
    long published = 0;
    long stored = 0;
    long persisted = 0;
    Optional<String> heap = Optional.empty();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(intOpt("drain-timeout", 900));
    List<long[]> samples = new ArrayList<>(); // nanos, events, succeeded, attempts
    while (System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(250);
      long now = System.nanoTime();
      if (published == 0 && !publishing.isAlive()) {
        published = now;
      }
      long e = db.events() - events0;
      long s = db.succeeded() - succeeded0;
      long a = db.attempts() - attempts0;
      samples.add(new long[] {now, e, s, a});
      if (stored == 0 && e >= events) {
        stored = now;
      }
      if (heap.isEmpty() && s >= deliveries / 2) {
        heap = monitor.heap(); // once, under load
      }
      if (s >= deliveries && a >= deliveries) {
        persisted = now;
        break;
      }
    }
    publishing.join(TimeUnit.MINUTES.toMillis(1));
    var cpu = monitor.since(cpu0);
    if (withDead) {
      receiver.releaseHeld(); // their deliveries go on being retried on their schedule, into later
      // scenarios
    }
    long confirmed = publisher.confirmed() - confirmed0;
    Map<String, Long> statements = db.serverStatusSince(status0);
    Map<String, Long> userStatements =
        userStatistics ? BenchDatabase.delta(user0, db.userStatistics()) : Map.of();
    long peakRss = monitor.takeWindowPeakRssKb();

    long[] arrivals = arrivals(from, events, fan);
    int received = arrivals.length;
    double overall = received == 0 ? 0 : received / ((arrivals[received - 1] - t0) / 1e9);
    double steady =
        received < 10
            ? 0
            : (0.8 * received)
                / ((arrivals[(int) (received * 0.9)] - arrivals[(int) (received * 0.1)]) / 1e9);
    double publishSeconds = ((published == 0 ? System.nanoTime() : published) - t0) / 1e9;
    double storedSeconds = stored == 0 ? Double.NaN : (stored - t0) / 1e9;
    double persistedSeconds = persisted == 0 ? Double.NaN : (persisted - t0) / 1e9;
    double intakeSteady = crossingRate(samples, 1, events);
    double deliverySteadyDb = crossingRate(samples, 3, deliveries);

    if (fan == 1 && !withDead) {
      throughputSteady = steady;
    }
    StringBuilder md = new StringBuilder("## " + title + "\n\n");
    md.append(
        String.format(
            "%,d events, %s, published flat out by %d producer threads"
                + " (CORE over TCP, %s); published means confirmed by the broker.%n%n",
            events,
            fan == 1
                ? "one delivery each"
                : "each to the "
                    + fan
                    + " webhooks of its account ("
                    + FAN_ACCOUNTS
                    + " such accounts)",
            producers,
            publisher.describe()));
    if (withDead) {
      md.append(
          String.format(
              "Every tenth event (%,d) goes to one of %d more webhooks (one account each) whose"
                  + " endpoint accepts the connection and never answers; the figures below are the healthy webhooks' (%,d"
                  + " deliveries) unless they say otherwise.%n%n",
              dead, DEAD_ACCOUNTS.size(), deliveries));
    }
    md.append("| measure | value |\n|---|---|\n");
    row(
        md,
        "published in",
        String.format("%.1f s (%,.0f events/s)", publishSeconds, events / publishSeconds));
    row(
        md,
        "**intake: events stored/s**, overall",
        String.format("%,.0f/s (all stored after %.1f s)", events / storedSeconds, storedSeconds));
    row(md, "intake: events stored/s, 10 %–90 % window", String.format("%,.0f/s", intakeSteady));
    row(md, "**deliveries/s at the receiver**, overall", String.format("%,.0f/s", overall));
    row(md, "deliveries/s at the receiver, 10 %–90 % window", String.format("%,.0f/s", steady));
    if (withDead) {
      row(
          md,
          "**healthy deliveries/s as a share of the throughput scenario's (same run)**",
          throughputSteady > 0
              ? String.format(
                  "**%.0f %%** (%,.0f/s of %,.0f/s)",
                  steady * 100 / throughputSteady, steady, throughputSteady)
              : "n/a (run the throughput scenario first)");
      row(
          md,
          "requests the dead endpoints received (held open)",
          String.valueOf(receiver.deadRequests() - dead0));
    } else {
      row(
          md,
          "attempt rows persisted/s, 10 %–90 % window",
          String.format("%,.0f/s", deliverySteadyDb));
    }
    row(
        md,
        "**all deliveries SUCCEEDED and all attempts persisted after**",
        String.format("%.1f s", persistedSeconds));
    row(
        md,
        "requests received / duplicates / unparsed",
        received + " / " + receiver.duplicates() + " / " + receiver.unparsed());
    row(md, "dead letters (should be 0)", String.valueOf(db.deadLetters()));
    row(
        md,
        "**CPU seconds (per delivery): application / broker / MariaDB / harness (producers, receiver)**",
        cpu.perProcess(deliveries));
    row(md, "application CPU per delivery", String.format("%.0f µs", cpu.app() * 1e6 / deliveries));
    if (!userStatements.isEmpty()) {
      row(
          md,
          "**MariaDB statements per delivery, by the application's user**",
          perDelivery(userStatements, deliveries));
    }
    row(
        md,
        "MariaDB statements per delivery (server-wide counters, other work included)",
        perDelivery(statements, deliveries));
    row(md, "peak RSS of the application", peakRss / 1024 + " MiB");
    row(md, "heap at half way", heap.orElse("n/a"));
    sections.add(md.toString());
    summary.add(
        String.format(
            "%s: %,.0f deliveries/s steady (%,.0f overall); intake %,.0f events/s;"
                + " all persisted after %.1f s%s",
            title.toLowerCase(),
            steady,
            overall,
            events / storedSeconds,
            persistedSeconds,
            withDead && throughputSteady > 0
                ? String.format(
                    "; %.0f %% of the throughput scenario's", steady * 100 / throughputSteady)
                : ""));
    summary.add(
        String.format(
            "%s CPU per delivery: application %,.0f µs, broker %,.0f µs, MariaDB %,.0f µs,"
                + " harness %,.0f µs",
            title.toLowerCase(),
            cpu.app() * 1e6 / deliveries,
            cpu.broker() * 1e6 / deliveries,
            cpu.db() * 1e6 / deliveries,
            cpu.bench() * 1e6 / deliveries));
    check(
        received == deliveries, received + " of " + deliveries + " requests reached the receiver");
    check(
        receiver.duplicates() == 0 && receiver.unparsed() == 0,
        receiver.duplicates() + " duplicates, " + receiver.unparsed() + " unparsed requests");
    check(
        persisted != 0,
        "not every delivery SUCCEEDED with its attempt row within the drain timeout");
    check(confirmed == events, "the broker confirmed " + confirmed + " of " + events + " sends");
    check(db.deadLetters() == 0, db.deadLetters() + " dead letters");
    log(md.toString());
  }

  private void latency(int rate, int seconds, int producers) throws Exception {
    log("latency: " + rate + " events/s for " + seconds + " s");
    var result = paced("Latency", rate, seconds, producers, 0, 0);
    latencyBaseline = result;
  }

  /**
   * A resend backlog of {@code size} deliveries, all due at once, drained while new events arrive
   * at {@code rate} per second: the drain rate, and the new events' latency meanwhile.
   */
  private void backlog(int size, int rate, int producers, int accounts, String runId)
      throws Exception {
    log("backlog: seeding " + size + " deliveries due for a resend");
    int from = reserve(size);
    long seeding = System.nanoTime();
    db.seedBacklog(from, size, accounts, runId);
    double seedSeconds = (System.nanoTime() - seeding) / 1e9;
    long succeeded0 = db.succeeded();
    var cpu0 = monitor.mark();
    db.makeDue(from, size);
    long t0 = System.nanoTime();
    log(
        String.format(
            "backlog: seeded in %.1f s and due now; new events at %d/s meanwhile",
            seedSeconds, rate));
    int seconds = backlogSeconds(size);
    var flowing = new java.util.concurrent.atomic.AtomicReference<Histogram>();
    Thread paced =
        new Thread(
            () -> {
              try {
                flowing.set(
                    paced("Backlog: new events while it drains", rate, seconds, producers, 0, 0));
              } catch (Exception e) {
                failures.add("new events during the backlog: " + e);
              }
            },
            "backlog-new-events");
    paced.start();
    List<long[]> samples = new ArrayList<>(); // nanos, backlog deliveries received
    long deadline = t0 + TimeUnit.SECONDS.toNanos(intOpt("drain-timeout", 900));
    int received = 0;
    while (System.nanoTime() < deadline && received < size) {
      TimeUnit.MILLISECONDS.sleep(500);
      received = arrivalsCount(from, size);
      samples.add(new long[] {System.nanoTime(), received});
    }
    long drained = System.nanoTime();
    paced.join(TimeUnit.SECONDS.toMillis(seconds + 120L));
    var cpu = monitor.since(cpu0);
    double drainSeconds = (drained - t0) / 1e9;
    double steady = crossingRate(samples, 1, size);
    long succeeded = db.succeeded() - succeeded0;
    StringBuilder md = new StringBuilder("## Resend backlog\n\n");
    md.append(
        String.format(
            "%,d deliveries of the healthy webhooks, PENDING after a failed attempt, seeded with SQL"
                + " (%.1f s, not counted) and then made due at once (UPDATEs of 50,000 rows); meanwhile %d new events/s for %d s"
                + " (their latency in the next section).%n%n",
            size, seedSeconds, rate, seconds));
    md.append("| measure | value |\n|---|---|\n");
    row(md, "backlog requests received / expected", received + " / " + size);
    row(
        md,
        "**backlog drained after**",
        String.format("%.1f s (%,.0f/s overall)", drainSeconds, received / drainSeconds));
    row(md, "**drain rate, 10 %–90 % window**", String.format("%,.0f/s", steady));
    row(md, "deliveries SUCCEEDED meanwhile (backlog and new)", String.valueOf(succeeded));
    Histogram h = flowing.get();
    if (h != null) {
      row(
          md,
          "**new events' p99 while it drains**",
          "**"
              + ms(h.getValueAtPercentile(99))
              + "** (p50 "
              + ms(h.getValueAtPercentile(50))
              + ", max "
              + ms(h.getMaxValue())
              + ")");
    }
    row(
        md,
        "CPU seconds (per delivery, backlog and new): application / broker / MariaDB / harness",
        cpu.perProcess(size + rate * seconds));
    sections.add(md.toString());
    summary.add(
        String.format(
            "backlog of %,d: drained at %,.0f/s (overall %,.0f/s)%s",
            size,
            steady,
            received / drainSeconds,
            h == null ? "" : ", new events' p99 " + ms(h.getValueAtPercentile(99))));
    check(received == size, received + " of " + size + " backlog deliveries reached the receiver");
    log(md.toString());
  }

  /**
   * The raw limit: the application's own HTTP sender ({@code ApacheHttpSender}, as production
   * builds it) from {@code threads} threads in this JVM against the same receiver, with no
   * application in between, for {@code seconds} after a 3 s warm-up; the throughput scenario's rate
   * as a share of it.
   */
  private void raw(int threads, int seconds) throws Exception {
    log("raw: the sender alone from " + threads + " threads for " + seconds + " s");
    URI url = URI.create("http://127.0.0.1:" + receiver.port() + "/raw");
    var errors = new java.util.concurrent.atomic.AtomicLong();
    var stop = new java.util.concurrent.atomic.AtomicBoolean();
    long received0;
    long t0;
    long t1;
    long received1;
    ProcessMonitor.Mark cpu0;
    ProcessMonitor.Cpu cpu;
    try (HttpClientBench.Client client = HttpClientBench.sender(url, threads)) {
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Thread t =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    try {
                      if (client.post() != 200) {
                        errors.incrementAndGet();
                      }
                    } catch (Exception e) {
                      errors.incrementAndGet();
                    }
                  }
                },
                "raw-" + i);
        t.start();
        workers.add(t);
      }
      TimeUnit.SECONDS.sleep(3); // warm-up, not counted
      received0 = receiver.rawRequests();
      cpu0 = monitor.mark();
      t0 = System.nanoTime();
      TimeUnit.SECONDS.sleep(
          seconds); // the measured window: a fixed span, not a wait for a condition
      t1 = System.nanoTime();
      received1 = receiver.rawRequests();
      cpu = monitor.since(cpu0);
      stop.set(true);
      for (Thread t : workers) {
        t.join(TimeUnit.SECONDS.toMillis(20));
      }
    }
    long n = received1 - received0;
    double rate = n / ((t1 - t0) / 1e9);
    StringBuilder md = new StringBuilder("## Raw limit\n\n");
    md.append(
        String.format(
            "The application's sender (`ApacheHttpSender`, as production builds it) alone, from %d threads"
                + " in the bench JVM, POSTing to the same receiver (`/raw`: the same empty 200) for %d s after a 3 s warm-up;"
                + " no application, broker or database in between.%n%n",
            threads, seconds));
    md.append("| measure | value |\n|---|---|\n");
    row(md, "**requests/s**", String.format("%,.0f/s", rate));
    row(md, "errors", String.valueOf(errors.get()));
    row(
        md,
        "harness CPU per request (sender and receiver)",
        String.format("%.0f µs", cpu.bench() * 1e6 / Math.max(1, n)));
    if (throughputSteady > 0) {
      row(
          md,
          "**the throughput scenario's deliveries/s as a share of it**",
          String.format("%.1f %% (%,.0f/s)", throughputSteady * 100 / rate, throughputSteady));
    }
    sections.add(md.toString());
    summary.add(
        String.format(
            "raw limit: %,.0f requests/s%s",
            rate,
            throughputSteady > 0
                ? String.format(
                    " (throughput scenario at %.1f %% of it)", throughputSteady * 100 / rate)
                : ""));
    log(md.toString());
  }

  static final String LOG_ACCOUNT = "bench-log";
  static final long FIRST_LOG_WEBHOOK_ID = BenchDatabase.FIRST_WEBHOOK_ID + 20_000;
  static final int LOG_WEBHOOKS = 4;

  /** The console's page size. */
  private static final int LOG_PAGE = 25;

  private static final int LOG_REPEATS = 10;

  /**
   * The delivery log over a long history: {@code attempts / 2} deliveries with two attempts each,
   * half of them one account's (over its {@link #LOG_WEBHOOKS} webhooks), half spread over the
   * healthy accounts; then the REST API's first page and count, account-wide and per webhook, with
   * and without a status filter, each asked once cold and {@link #LOG_REPEATS} times more. The time
   * is the whole request as a client sees it on this machine (the page is one query, the count one
   * more); the console's page asks the same two queries of {@code Deliveries}.
   */
  private void deliveryLog(AppProcess app, int attempts, int accounts) throws Exception {
    int deliveries = attempts / 2;
    log("delivery log: seeding " + deliveries + " deliveries with " + attempts + " attempts");
    db.insertAccount(LOG_ACCOUNT);
    for (int k = 0; k < LOG_WEBHOOKS; k++) {
      db.insertWebhook(
          FIRST_LOG_WEBHOOK_ID + k,
          LOG_ACCOUNT,
          "http://127.0.0.1:" + receiver.port() + "/hook/log");
    }
    String[] owners = new String[2 * accounts];
    long[] webhookIds = new long[2 * accounts];
    for (int i = 0; i < accounts; i++) {
      owners[2 * i] = LOG_ACCOUNT;
      webhookIds[2 * i] = FIRST_LOG_WEBHOOK_ID + i % LOG_WEBHOOKS;
      owners[2 * i + 1] = Publisher.account(i);
      webhookIds[2 * i + 1] = BenchDatabase.FIRST_WEBHOOK_ID + i;
    }
    long seeding = System.nanoTime();
    db.seedLog(deliveries, owners, webhookIds);
    db.analyze("event", "delivery", "attempt");
    double seedSeconds = (System.nanoTime() - seeding) / 1e9;
    byte[] random = new byte[32];
    new java.security.SecureRandom().nextBytes(random);
    String key = "whk_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    db.insertApiKey(FIRST_LOG_WEBHOOK_ID, LOG_ACCOUNT, key);
    long webhookId = FIRST_LOG_WEBHOOK_ID;
    String week =
        Instant.now()
            .minus(Duration.ofDays(7))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString();
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("account, newest first", "");
    queries.put("account, FAILED (4 %)", "status=FAILED");
    queries.put("account, PENDING (1 %)", "status=PENDING");
    queries.put("account, last 7 days (the console's default)", "from=" + week);
    queries.put("account, FAILED, last 7 days", "status=FAILED&from=" + week);
    queries.put("account, page 41 (rows 1,001–1,025)", "first=1000");
    queries.put("webhook, newest first", "webhookId=" + webhookId);
    queries.put("webhook, FAILED", "webhookId=" + webhookId + "&status=FAILED");
    queries.put(
        "webhook, PENDING, last 7 days", "webhookId=" + webhookId + "&status=PENDING&from=" + week);
    var http = java.net.http.HttpClient.newHttpClient();
    get(
        http,
        app.baseUrl() + "/api/v1/webhooks",
        key); // the REST stack's own warm-up, not a log query
    StringBuilder md = new StringBuilder("## Delivery log\n\n");
    md.append(
        String.format(
            "%,d attempts of %,d deliveries (each with its event) seeded with SQL in %.0f s, not counted;"
                + " half of them account `%s`'s over its %d webhooks (%,d deliveries each), half spread over %d other accounts;"
                + " 95 %% SUCCEEDED, 4 %% FAILED, 1 %% PENDING; created over the last 7 days. `GET /api/v1/deliveries?max=%d&…`"
                + " (the first page) and `GET /api/v1/deliveries/count?…` with the account's API key, each asked once (cold)"
                + " and %d times more; the time is the whole request as the client sees it. Data and indexes: %s; %s.%n%n",
            db.count("SELECT COUNT(*) FROM {db}.attempt"),
            db.count("SELECT COUNT(*) FROM {db}.delivery"),
            seedSeconds,
            LOG_ACCOUNT,
            LOG_WEBHOOKS,
            deliveries / 2 / LOG_WEBHOOKS,
            accounts,
            LOG_PAGE,
            LOG_REPEATS,
            db.tableSizes(),
            db.bufferPool()));
    md.append(
        "| query | first page: cold / median / max | rows | count: cold / median / max | count says |\n"
            + "|---|---|---|---|---|\n");
    long worstMedian = 0;
    for (var q : queries.entrySet()) {
      String page =
          app.baseUrl()
              + "/api/v1/deliveries?max="
              + LOG_PAGE
              + (q.getValue().isEmpty() ? "" : "&" + q.getValue());
      String count =
          app.baseUrl()
              + "/api/v1/deliveries/count"
              + (q.getValue().isEmpty() ? "" : "?" + q.getValue());
      long[] pageTimes = new long[LOG_REPEATS + 1];
      long[] countTimes = new long[LOG_REPEATS + 1];
      String rows = "";
      String counted = "";
      for (int i = 0; i <= LOG_REPEATS; i++) {
        long t = System.nanoTime();
        var answer = get(http, page, key);
        pageTimes[i] = System.nanoTime() - t;
        rows =
            answer.statusCode() == 200
                ? String.valueOf(answer.body().split("\"webhookId\":", -1).length - 1)
                : "HTTP " + answer.statusCode();
        t = System.nanoTime();
        var c = get(http, count, key);
        countTimes[i] = System.nanoTime() - t;
        counted =
            c.statusCode() == 200
                ? c.body()
                : c.statusCode() == 404 ? "no such endpoint" : "HTTP " + c.statusCode();
      }
      check(
          rows.equals(String.valueOf(LOG_PAGE)),
          q.getKey() + ": " + rows + " rows instead of " + LOG_PAGE);
      worstMedian =
          Math.max(
              worstMedian, median(pageTimes) + (counted.startsWith("{") ? median(countTimes) : 0));
      md.append("| ")
          .append(q.getKey())
          .append(" | ")
          .append(times(pageTimes))
          .append(" | ")
          .append(rows)
          .append(" | ")
          .append(counted.startsWith("{") ? times(countTimes) : "n/a")
          .append(" | `")
          .append(counted)
          .append("` |\n");
    }
    md.append(
        String.format(
            "%nThe slowest query's median, page and count together: **%s**.%n",
            ms(worstMedian / 1000)));
    sections.add(md.toString());
    summary.add(
        String.format(
            "delivery log over %,d attempts: slowest first page with its count, median %s",
            attempts, ms(worstMedian / 1000)));
    log(md.toString());
  }

  private static java.net.http.HttpResponse<String> get(
      java.net.http.HttpClient http, String url, String key)
      throws java.io.IOException, InterruptedException {
    var request =
        java.net.http.HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + key)
            .timeout(Duration.ofMinutes(2))
            .build();
    return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  /** Cold (the first), median and max of the rest. */
  private static String times(long[] nanos) {
    long max = Arrays.stream(nanos, 1, nanos.length).max().orElse(0);
    return ms(nanos[0] / 1000) + " / " + ms(median(nanos) / 1000) + " / " + ms(max / 1000);
  }

  /** The median of all but the first (cold) one. */
  private static long median(long[] nanos) {
    long[] rest = Arrays.copyOfRange(nanos, 1, nanos.length);
    Arrays.sort(rest);
    return rest[rest.length / 2];
  }

  /**
   * A soak: {@code rate} events/s for {@code minutes}, paced, with the application's heap (in use,
   * and the old generation after the last collection), resident set, CPU and the deliveries' rate
   * and latency sampled each minute.
   */
  private void soak(int rate, int minutes, int producers) throws Exception {
    log("soak: " + rate + " events/s for " + minutes + " min");
    int count = rate * minutes * 60;
    int from = reserve(count);
    long window = TimeUnit.SECONDS.toNanos(intOpt("soak-sample-seconds", 60));
    var cpu0 = monitor.mark();
    Thread publishing =
        new Thread(
            () -> {
              try {
                publisher.paced(from, count, rate, producers, 0);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "soak");
    long t0 = System.nanoTime();
    publishing.start();
    List<String> samples = new ArrayList<>();
    List<Long> oldGen = new ArrayList<>();
    var mark = monitor.mark();
    int arrived = 0;
    long nextSample = t0 + window;
    while (publishing.isAlive()) {
      publishing.join(
          Math.max(
              1, (nextSample - System.nanoTime()) / 1_000_000)); // until the span ends, or the soak
      if (System.nanoTime() < nextSample) {
        continue;
      }
      nextSample += window;
      var cpu = monitor.since(mark);
      mark = monitor.mark();
      int now = arrivalsCount(from, count);
      ProcessMonitor.Gc gc = monitor.gc();
      oldGen.add(gc.oldKb());
      long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
      samples.add(
          String.format(
              "| %d:%02d | %,.0f/s | %d / %d MiB | %d MiB | %d MiB | %.0f %% of a core | %.0f %% |",
              elapsed / 60,
              elapsed % 60,
              (now - arrived) / cpu.seconds(),
              gc.usedKb() / 1024,
              gc.committedKb() / 1024,
              gc.oldKb() / 1024,
              monitor.rssKb() / 1024,
              cpu.app() * 100 / cpu.seconds(),
              cpu.machineBusy() * 100));
      arrived = now;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(intOpt("drain-timeout", 900));
    while (System.nanoTime() < deadline && arrivalsCount(from, count) < count) {
      TimeUnit.MILLISECONDS.sleep(250);
    }
    var cpu = monitor.since(cpu0);
    int buckets =
        (int) ((publisher.publishedAt[from + count - 1] - publisher.publishedAt[from]) / window)
            + 1;
    Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    List<Histogram> perWindow = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      perWindow.add(new Histogram(TimeUnit.MINUTES.toMicros(10), 3));
    }
    int missing = 0;
    for (int seq = from; seq < from + count; seq++) {
      long at = receiver.arrival(seq);
      if (at == 0) {
        missing++;
        continue;
      }
      long micros = Math.max(0, (at - publisher.publishedAt[seq]) / 1000);
      all.recordValue(micros);
      perWindow
          .get((int) ((publisher.publishedAt[seq] - publisher.publishedAt[from]) / window))
          .recordValue(micros);
    }
    StringBuilder md = new StringBuilder("## Soak\n\n");
    md.append(
        String.format(
            "%,d events/s for %d min to the healthy webhooks, paced as in the latency scenario;"
                + " every %d s: the deliveries received in that span, the heap in use and committed (`jstat -gc`), the old"
                + " generation after the last collection (what stays), the resident set, and CPU. The latency columns are"
                + " of the events scheduled in that span.%n%n",
            rate, minutes, window / 1_000_000_000));
    md.append("| measure | value |\n|---|---|\n");
    row(md, "received / expected", (count - missing) + " / " + count);
    row(md, "duplicates", String.valueOf(receiver.duplicates()));
    row(
        md,
        "**publish→receipt p50 / p99 / p99.9 / max, whole soak**",
        ms(all.getValueAtPercentile(50))
            + " / **"
            + ms(all.getValueAtPercentile(99))
            + "** / "
            + ms(all.getValueAtPercentile(99.9))
            + " / "
            + ms(all.getMaxValue()));
    row(
        md,
        "CPU seconds (per delivery): application / broker / MariaDB / harness",
        cpu.perProcess(count));
    int fifth = Math.max(1, oldGen.size() / 5);
    row(
        md,
        "**old generation, first fifth → last fifth of the samples (max)**",
        String.format(
            "%d MiB → %d MiB",
            oldGen.subList(0, fifth).stream().mapToLong(Long::longValue).max().orElse(0) / 1024,
            oldGen.subList(oldGen.size() - fifth, oldGen.size()).stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElse(0)
                / 1024));
    md.append(
        "\n| at | deliveries/s | heap in use / committed | old generation | RSS | application CPU | machine busy"
            + " | p50 / p99 of the span's events |\n|---|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < samples.size(); i++) {
      Histogram h = i < perWindow.size() ? perWindow.get(i) : null;
      md.append(samples.get(i))
          .append(' ')
          .append(
              h == null || h.getTotalCount() == 0
                  ? "–"
                  : ms(h.getValueAtPercentile(50)) + " / " + ms(h.getValueAtPercentile(99)))
          .append(" |\n");
    }
    sections.add(md.toString());
    summary.add(
        String.format(
            "soak %d events/s × %d min: p99 %s, old generation %d → %d MiB, %d missing",
            rate,
            minutes,
            ms(all.getValueAtPercentile(99)),
            oldGen.isEmpty() ? 0 : oldGen.get(0) / 1024,
            oldGen.isEmpty() ? 0 : oldGen.get(oldGen.size() - 1) / 1024,
            missing));
    check(missing == 0, missing + " of " + count + " soak events never reached the receiver");
    check(receiver.duplicates() == 0, receiver.duplicates() + " duplicates");
    log(md.toString());
  }

  /**
   * New events flow for as long as the backlog would last at the target drain rate of 2,000/s, at
   * least 20 s.
   */
  private static int backlogSeconds(int backlog) {
    return Math.max(20, backlog / 2_000);
  }

  private void isolation(int rate, int seconds, int producers, int deadRate, int accounts)
      throws Exception {
    log(
        "isolation: "
            + rate
            + " events/s healthy and "
            + deadRate
            + " events/s to an endpoint that never answers");
    if (latencyBaseline == null) {
      latencyBaseline =
          paced("Isolation baseline (no dead endpoint)", rate, seconds, producers, 0, 0);
    }
    paced(
        "Isolation (dead endpoint beside the healthy ones)",
        rate,
        seconds,
        producers,
        deadRate,
        accounts);
    receiver.releaseHeld();
  }

  private Histogram paced(
      String title, int rate, int seconds, int producers, int deadRate, int accounts)
      throws Exception {
    int count = rate * seconds;
    int from = reserve(count);
    long dead0 = receiver.deadRequests();
    var cpu0 = monitor.mark();
    monitor.takeWindowPeakRssKb();
    publisher.takeMaxLagNanos();
    Thread publishing =
        new Thread(
            () -> {
              try {
                publisher.paced(from, count, rate, producers, deadRate);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "paced");
    publishing.start();
    Optional<String> heap = Optional.empty();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 60L);
    while (System.nanoTime() < deadline && publishing.isAlive()) {
      TimeUnit.MILLISECONDS.sleep(250);
      if (heap.isEmpty() && arrivalsCount(from, count) > count / 2) {
        heap = monitor.heap();
      }
    }
    publishing.join(TimeUnit.MINUTES.toMillis(1));
    long lag = publisher.takeMaxLagNanos();
    // an overloaded run leaves a backlog: drain it here, so that it does not spill into the next
    // scenario, and report what is still missing when the bound runs out
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(intOpt("drain-timeout", 900));
    while (System.nanoTime() < deadline && arrivalsCount(from, count) < count) {
      TimeUnit.MILLISECONDS.sleep(100);
      if (heap.isEmpty() && arrivalsCount(from, count) > count / 2) {
        heap = monitor.heap();
      }
    }
    var cpu = monitor.since(cpu0);
    long peakRss = monitor.takeWindowPeakRssKb();
    Histogram h = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    int missing = 0;
    for (int seq = from; seq < from + count; seq++) {
      long at = receiver.arrival(seq);
      if (at == 0) {
        missing++;
      } else {
        h.recordValue(Math.max(0, (at - publisher.publishedAt[seq]) / 1000));
      }
    }
    StringBuilder md = new StringBuilder("## " + title + "\n\n");
    md.append(
        String.format(
            "%,d events/s for %d s to %d healthy webhooks, paced on an absolute schedule by %d"
                + " producer threads; latency is from an event's scheduled publish time to its request's arrival.",
            rate, seconds, Integer.parseInt(opt("accounts", "20")), producers));
    if (deadRate > 0) {
      md.append(
          String.format(
              " Beside them, %d events/s go to one more webhook whose endpoint accepts the"
                  + " connection and never answers.",
              deadRate));
    }
    md.append("\n\n| measure | value |\n|---|---|\n");
    row(md, "received / expected", (count - missing) + " / " + count);
    row(
        md,
        "publish→receipt p50 / p90",
        ms(h.getValueAtPercentile(50)) + " / " + ms(h.getValueAtPercentile(90)));
    row(md, "**publish→receipt p99**", "**" + ms(h.getValueAtPercentile(99)) + "**");
    row(
        md,
        "publish→receipt p99.9 / max",
        ms(h.getValueAtPercentile(99.9)) + " / " + ms(h.getMaxValue()));
    if (latencyBaseline != null && deadRate > 0) {
      double base = latencyBaseline.getValueAtPercentile(99);
      row(
          md,
          "healthy p99 without → with the dead endpoint",
          String.format(
              "%s → %s (%+.0f %%)",
              ms((long) base),
              ms(h.getValueAtPercentile(99)),
              (h.getValueAtPercentile(99) - base) * 100 / base));
      row(
          md,
          "requests the dead endpoint received (held open)",
          String.valueOf(receiver.deadRequests() - dead0));
      row(
          md,
          "dead webhook: attempts / deliveries not yet final",
          db.count(
                  "SELECT COUNT(*) FROM {db}.attempt a JOIN {db}.delivery d ON d.id = a.delivery_id WHERE d.webhook_id = "
                      + (BenchDatabase.FIRST_WEBHOOK_ID + accounts))
              + " / "
              + db.count(
                  "SELECT COUNT(*) FROM {db}.delivery WHERE webhook_id = "
                      + (BenchDatabase.FIRST_WEBHOOK_ID + accounts)
                      + " AND status NOT IN ('SUCCEEDED', 'FAILED')"));
    }
    row(md, "largest producer lag behind schedule", ms(lag / 1000));
    row(
        md,
        "CPU seconds (per healthy delivery): application / broker / MariaDB / harness",
        cpu.perProcess(count));
    row(md, "peak RSS of the application", peakRss / 1024 + " MiB");
    row(md, "heap at half way", heap.orElse("n/a"));
    sections.add(md.toString());
    summary.add(
        String.format(
            "%s: p50 %s, p99 %s, p99.9 %s, max %s",
            title.toLowerCase(),
            ms(h.getValueAtPercentile(50)),
            ms(h.getValueAtPercentile(99)),
            ms(h.getValueAtPercentile(99.9)),
            ms(h.getMaxValue())));
    log(md.toString());
    return h;
  }

  // ---------------------------------------------------------------------------------------------

  private int reserve(int count) {
    int from = nextSeq;
    nextSeq += count;
    return from;
  }

  private long[] arrivals(int from, int count) {
    return arrivals(from, count, 1);
  }

  /**
   * The arrivals of the requests of events [from, from + count) to their {@code fan} webhooks,
   * sorted.
   */
  private long[] arrivals(int from, int count, int fan) {
    long[] found = new long[count * fan];
    int n = 0;
    for (int seq = from; seq < from + count; seq++) {
      for (int k = 0; k < fan; k++) {
        long at = receiver.arrival(seq, k);
        if (at != 0) {
          found[n++] = at;
        }
      }
    }
    long[] sorted = Arrays.copyOf(found, n);
    Arrays.sort(sorted);
    return sorted;
  }

  private int arrivalsCount(int from, int count) {
    int n = 0;
    for (int seq = from; seq < from + count; seq++) {
      if (receiver.arrival(seq) != 0) {
        n++;
      }
    }
    return n;
  }

  /** Rate of a polled counter between the samples where it first reached 10 % and 90 % of total. */
  private static double crossingRate(List<long[]> samples, int column, long total) {
    long[] low = null;
    long[] high = null;
    for (long[] s : samples) {
      if (low == null && s[column] >= total / 10) {
        low = s;
      }
      if (high == null && s[column] >= total * 9 / 10) {
        high = s;
      }
    }
    if (low == null || high == null || high[0] == low[0]) {
      return Double.NaN;
    }
    return (high[column] - low[column]) / ((high[0] - low[0]) / 1e9);
  }

  private static String perDelivery(Map<String, Long> statements, int deliveries) {
    StringBuilder s = new StringBuilder();
    statements.forEach(
        (k, v) ->
            s.append(s.length() == 0 ? "" : ", ")
                .append(
                    String.format(
                        "%s %.1f", k.replace("Com_", "").toLowerCase(), v / (double) deliveries)));
    return s.toString();
  }

  private static String ms(long micros) {
    return micros >= 10_000
        ? String.format("%,.0f ms", micros / 1000.0)
        : String.format("%.1f ms", micros / 1000.0);
  }

  /**
   * A run that lost, duplicated or failed to record an event fails (exit status 1), smoke or not.
   */
  private void check(boolean ok, String failure) {
    if (!ok) {
      failures.add(failure);
    }
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  private String settings(
      int events,
      int rate,
      int seconds,
      int deadRate,
      int accounts,
      int producers,
      String xmx,
      double bootSeconds)
      throws Exception {
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).trim())
            .orElse("?");
    String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", "");
    StringBuilder md = new StringBuilder("## Machine and settings\n\n| | |\n|---|---|\n");
    row(md, "cores (nproc)", Runtime.getRuntime().availableProcessors() + " × " + cpu);
    row(md, "memory", Long.parseLong(mem) / 1024 / 1024 + " GiB");
    row(
        md,
        "Java",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    row(
        md,
        "MariaDB",
        db.serverVersion() + " on " + db.url() + " (the machine's server, shared with other work)");
    row(
        md,
        "broker",
        broker.distribution()
            + ", `artemis create` + `artemis run` in its own JVM (-Xmx"
            + opt("broker-xmx", "512m")
            + "), CORE acceptor only, "
            + broker.journal());
    row(md, "producers", publisher.describe());
    row(
        md,
        "receiver",
        "Netty in the bench JVM, "
            + opt("receiver-threads", "1")
            + " event loop thread(s), keep-alive, 200 with no body");
    row(
        md,
        "application",
        "webhooks-micro.jar, -Xmx"
            + xmx
            + ", ready "
            + String.format("%.1f s", bootSeconds)
            + " after start");
    row(
        md,
        "webhooks",
        accounts
            + " accounts × 1 webhook for sms.incoming (POST, JSON, 2 ticked parameters, signed);"
            + " 1 more pointing at an endpoint that never answers");
    row(
        md,
        "load",
        String.format(
            "throughput %,d events; latency and isolation %,d events/s × %d s (dead %d/s);"
                + " %d producer threads",
            events, rate, seconds, deadRate, producers));
    row(md, "options", options.isEmpty() ? "defaults" : options.toString());
    return md.toString();
  }

  private String report(Instant startedAt, String settings) {
    StringBuilder md = new StringBuilder("# webhooks benchmark, " + startedAt + "\n\n");
    md.append("Summary:\n\n");
    summary.forEach(s -> md.append("- ").append(s).append('\n'));
    md.append('\n').append(settings).append('\n');
    sections.forEach(s -> md.append(s).append('\n'));
    return md.toString();
  }

  private static void log(String message) {
    System.out.println("[bench " + Instant.now() + "] " + message);
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
