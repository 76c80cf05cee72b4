package com.kompaas.webhooks.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's smoke, so that the tool cannot rot: the packaged bench jar, run as a developer
 * runs it, against the packaged application, a broker process from the Artemis distribution, the
 * machine's MariaDB and the Netty receiver. It asserts that every event was delivered once and
 * recorded, and that the report gives each process's CPU; never a wall-clock figure.
 */
class BenchSmokeIT {

  @Test
  void deliversAndRecordsEveryEventOfTheSmokeRun() throws Exception {
    Path jar = Path.of(System.getProperty("bench.jar", "target/webhooks-bench.jar"));
    Path root = Path.of(System.getProperty("bench.root", "..")).toAbsolutePath().normalize();
    Path output = Path.of(System.getProperty("bench.target", "target")).resolve("bench-smoke.log");
    Process bench =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toAbsolutePath().toString(),
                "--smoke")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean exited = bench.waitFor(8, TimeUnit.MINUTES);
    if (!exited) {
      bench.descendants().forEach(ProcessHandle::destroyForcibly);
      bench.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String log = Files.readString(output, StandardCharsets.UTF_8);
    assertTrue(exited, "the smoke did not finish in 8 minutes; see " + output);
    assertEquals(0, bench.exitValue(), "the smoke failed; see " + output + "\n" + tail(log));
    assertTrue(log.contains("SMOKE PASSED"), tail(log));
    assertTrue(
        log.contains("| requests received / duplicates / unparsed | 200 / 0 / 0 |"), tail(log));
    assertTrue(log.contains("application / broker / MariaDB / harness"), tail(log));
  }

  private static String tail(String log) {
    List<String> lines = log.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
