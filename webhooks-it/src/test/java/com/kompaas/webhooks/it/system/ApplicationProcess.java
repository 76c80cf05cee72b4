package com.kompaas.webhooks.it.system;

import com.kompaas.webhooks.it.Await;
import com.kompaas.webhooks.it.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application as a user runs it: a separate JVM started from a jar, judged healthy by
 * its own readiness endpoint (Payara logs "ready" even when a deployment failed).
 */
final class ApplicationProcess implements AutoCloseable {

  private final List<String> command;
  private final Map<String, String> environment;
  private final Path log;
  private final int httpPort;
  private Process process;

  ApplicationProcess(
      List<String> command, Map<String, String> environment, Path log, int httpPort) {
    this.command = command;
    this.environment = environment;
    this.log = log;
    this.httpPort = httpPort;
  }

  /**
   * The uber jar as an operator starts it: on the system database, with the given broker, the
   * bootstrap passwords the tests sign in with, and a fresh Payara root (Payara Micro redeploys
   * what an old root holds, failing requests meanwhile).
   *
   * @param name the instance's name, also the prefix of its root directory
   * @param moreEnvironment added to, or replacing, the common environment
   */
  static ApplicationProcess uberJar(
      String name,
      String logFile,
      int brokerPort,
      String brokerUser,
      String brokerPassword,
      Map<String, String> moreEnvironment)
      throws IOException {
    Path target = TestInfrastructure.target();
    int httpPort = freePort();
    Path root = Files.createDirectories(target.resolve(name + "-root-" + UUID.randomUUID()));
    Map<String, String> environment =
        new HashMap<>(
            Map.of(
                "WEBHOOKS_DB_URL",
                TestInfrastructure.jdbcUrl(TestInfrastructure.SYSTEM_DATABASE),
                "WEBHOOKS_DB_USER",
                TestInfrastructure.DB_USER,
                "WEBHOOKS_DB_PASSWORD",
                TestInfrastructure.DB_PASSWORD,
                "ARTEMIS_CONNECTION_PARAMETERS",
                "host=127.0.0.1;port=" + brokerPort,
                "ARTEMIS_USER",
                brokerUser,
                "ARTEMIS_PASSWORD",
                brokerPassword,
                "WEBHOOKS_BOOTSTRAP_OPERATOR_PASSWORD",
                TestInfrastructure.OPERATOR_PASSWORD,
                "WEBHOOKS_BOOTSTRAP_ADMIN_PASSWORD",
                TestInfrastructure.DEMO_ADMIN_PASSWORD));
    environment.putAll(moreEnvironment);
    return new ApplicationProcess(
        List.of(
            java(),
            "-Xmx768m",
            "-Djava.io.tmpdir=" + target,
            "-jar",
            System.getProperty("it.micro-uber-jar"),
            "--port",
            String.valueOf(httpPort),
            "--nocluster",
            "--name",
            name,
            "--rootdir",
            root.toString()),
        environment,
        target.resolve(logFile),
        httpPort);
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  /** How much the application has written so far; {@link #outputSince} reads what came after. */
  long outputLength() throws IOException {
    return Files.exists(log) ? Files.size(log) : 0;
  }

  /** What the application wrote (its log and console) after {@code offset}. */
  String outputSince(long offset) throws IOException {
    try (var file = new java.io.RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      byte[] bytes = new byte[(int) Math.max(0, length - offset)];
      file.seek(Math.min(offset, length));
      file.readFully(bytes);
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  ApplicationProcess start() throws IOException, InterruptedException {
    var builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    process = builder.start();
    awaitReady(Duration.ofMinutes(4));
    return this;
  }

  private void awaitReady(Duration timeout) {
    var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String[] last = {"no answer"};
    try {
      Await.until(
          "the application's readiness",
          timeout,
          Duration.ofMillis(500),
          () -> {
            if (!process.isAlive()) {
              throw new AssertionError(
                  "application exited with " + process.exitValue() + "; see " + log);
            }
            try {
              var response =
                  client.send(
                      HttpRequest.newBuilder(uri("/health/ready")).build(),
                      HttpResponse.BodyHandlers.ofString());
              // an application that failed to deploy registers no checks, and an empty list is UP
              if (response.statusCode() == 200 && response.body().contains("\"database\"")) {
                return true;
              }
              last[0] = response.statusCode() + " " + response.body();
            } catch (IOException e) {
              last[0] = e.toString();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new AssertionError("interrupted while waiting for the application", e);
            }
            return false;
          });
    } catch (AssertionError e) {
      if (!process.isAlive()) {
        throw e;
      }
      throw new AssertionError(
          "application not ready after " + timeout + ": " + last[0] + "; see " + log, e);
    }
  }

  /** SIGTERM, as Ctrl-C or a service manager would; returns whether it exited in time. */
  boolean stop(Duration timeout) throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return true;
    }
    process.destroy();
    boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    return exited;
  }

  /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. */
  void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofSeconds(60));
  }
}
