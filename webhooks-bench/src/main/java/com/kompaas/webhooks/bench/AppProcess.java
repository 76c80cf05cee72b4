package com.kompaas.webhooks.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production artifact as an operator runs it (the same way the system tests start it): the uber
 * jar in a JVM of its own, configured by environment, judged ready by the presence of the {@code
 * database} check.
 */
final class AppProcess implements AutoCloseable {

  private final Process process;
  private final int httpPort;
  private final Path log;

  private AppProcess(Process process, int httpPort, Path log) {
    this.process = process;
    this.httpPort = httpPort;
    this.log = log;
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static AppProcess start(
      Path microJar, Path work, String xmx, List<String> jvmOptions, Map<String, String> env)
      throws IOException {
    int httpPort = freePort();
    Path root = Files.createDirectories(work.resolve("payara-root"));
    Path log = work.resolve("app.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + xmx);
    command.add("-Djava.io.tmpdir=" + work);
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            microJar.toString(),
            "--port",
            String.valueOf(httpPort),
            "--nocluster",
            "--name",
            "bench",
            "--rootdir",
            root.toString()));
    var builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    return new AppProcess(builder.start(), httpPort, log);
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /** Where its HTTP listener is, without a trailing slash. */
  String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  void awaitReady(Duration timeout) throws InterruptedException {
    var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the application exited with " + process.exitValue() + "; see " + log);
      }
      try {
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        // a failed deployment registers no checks, and an empty list reads as UP
        if (response.statusCode() == 200 && response.body().contains("\"database\"")) {
          return;
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "the application was not ready after " + timeout + ": " + last + "; see " + log);
  }

  /** SIGTERM first, as a service manager would; forcibly after the timeout. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
