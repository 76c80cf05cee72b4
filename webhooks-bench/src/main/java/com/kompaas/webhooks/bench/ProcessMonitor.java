package com.kompaas.webhooks.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads /proc: the application's resident set (sampled every 250 ms, peak kept), and CPU seconds of
 * the application, the broker, MariaDB and this JVM (the harness: producers, receiver, polling),
 * and the machine's busy share.
 */
final class ProcessMonitor implements AutoCloseable {

  private static final double TICKS = 100.0; // USER_HZ on Linux

  /** CPU use between two points. */
  record Cpu(
      double seconds,
      double app,
      double broker,
      double db,
      double bench,
      double machineBusy,
      int cores) {

    /**
     * The report's row: each process's CPU seconds and, over {@code deliveries}, µs per delivery.
     */
    String perProcess(long deliveries) {
      return String.format(
          "%.1f s (%,.0f µs) / %.1f s (%,.0f µs) / %.1f s (%,.0f µs) / %.1f s (%,.0f µs)"
              + " over %.1f s wall (machine busy %.0f %% of %d cores)",
          app,
          us(app, deliveries),
          broker,
          us(broker, deliveries),
          db,
          us(db, deliveries),
          bench,
          us(bench, deliveries),
          seconds,
          machineBusy * 100,
          cores);
    }

    private static double us(double cpuSeconds, long deliveries) {
      return deliveries == 0 ? Double.NaN : cpuSeconds * 1e6 / deliveries;
    }
  }

  record Mark(long nanos, long app, long broker, long db, long bench, long busy, long total) {}

  private final long appPid;
  private final long brokerPid;
  private final long dbPid;
  private final Thread sampler;
  private volatile long peakRssKb;
  private volatile long windowPeakRssKb;
  private volatile boolean running = true;

  ProcessMonitor(long appPid, long brokerPid) {
    this.appPid = appPid;
    this.brokerPid = brokerPid;
    this.dbPid =
        ProcessHandle.allProcesses()
            .filter(
                p ->
                    p.info()
                        .command()
                        .map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                        .orElse(false))
            .mapToLong(ProcessHandle::pid)
            .findFirst()
            .orElse(-1);
    sampler = new Thread(this::sample, "rss-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    while (running) {
      long rss = rssKb(appPid);
      peakRssKb = Math.max(peakRssKb, rss);
      windowPeakRssKb = Math.max(windowPeakRssKb, rss);
      try {
        TimeUnit.MILLISECONDS.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  long peakRssKb() {
    return peakRssKb;
  }

  /** The peak since the last call. */
  long takeWindowPeakRssKb() {
    long peak = windowPeakRssKb;
    windowPeakRssKb = rssKb(appPid);
    return peak;
  }

  static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process is gone
    }
    return 0;
  }

  Mark mark() {
    long[] machine = machine();
    return new Mark(
        System.nanoTime(),
        ticks(appPid),
        ticks(brokerPid),
        dbPid > 0 ? ticks(dbPid) : 0,
        ticks(ProcessHandle.current().pid()),
        machine[0],
        machine[1]);
  }

  Cpu since(Mark from) {
    Mark to = mark();
    double seconds = (to.nanos() - from.nanos()) / 1e9;
    double total = Math.max(1, to.total() - from.total());
    return new Cpu(
        seconds,
        (to.app() - from.app()) / TICKS,
        (to.broker() - from.broker()) / TICKS,
        (to.db() - from.db()) / TICKS,
        (to.bench() - from.bench()) / TICKS,
        (to.busy() - from.busy()) / total,
        Runtime.getRuntime().availableProcessors());
  }

  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** busy and total jiffies of all cores. */
  private static long[] machine() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 1};
    }
  }

  long rssKb() {
    return rssKb(appPid);
  }

  /**
   * The application's heap from {@code jstat -gc}, in KiB: in use (young and old), the old
   * generation's share of it, committed.
   */
  record Gc(long usedKb, long oldKb, long committedKb) {
    static final Gc NONE = new Gc(0, 0, 0);
  }

  /** The heap now, from {@code jstat -gc}; zeros if jstat fails. */
  Gc gc() {
    return jdkTool("jstat", "-gc", String.valueOf(appPid))
        .map(
            out -> {
              String[] lines = out.trim().split("\n");
              if (lines.length < 2) {
                return Gc.NONE;
              }
              List<String> names = List.of(lines[0].trim().split("\\s+"));
              String[] values = lines[lines.length - 1].trim().split("\\s+");
              ToDoubleFunction<String> v = n -> Double.parseDouble(values[names.indexOf(n)]);
              double used =
                  v.applyAsDouble("S0U")
                      + v.applyAsDouble("S1U")
                      + v.applyAsDouble("EU")
                      + v.applyAsDouble("OU");
              double committed =
                  v.applyAsDouble("S0C")
                      + v.applyAsDouble("S1C")
                      + v.applyAsDouble("EC")
                      + v.applyAsDouble("OC");
              return new Gc((long) used, (long) v.applyAsDouble("OU"), (long) committed);
            })
        .orElse(Gc.NONE);
  }

  /** Heap in use and committed, in MiB, from {@code jcmd GC.heap_info}; empty if jcmd fails. */
  Optional<String> heap() {
    return jdkTool("jcmd", String.valueOf(appPid), "GC.heap_info")
        .flatMap(
            out -> {
              Matcher m = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K").matcher(out);
              return m.find()
                  ? Optional.of(
                      Long.parseLong(m.group(2)) / 1024
                          + " MiB used of "
                          + Long.parseLong(m.group(1)) / 1024
                          + " MiB committed")
                  : Optional.empty();
            });
  }

  /**
   * What one of this JDK's tools printed, stdout and stderr; empty if it failed to run or took over
   * 20 s.
   */
  private static Optional<String> jdkTool(String tool, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return Optional.of(out);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
