package com.kompaas.webhooks.bench;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Apache Artemis as production runs it: the distribution's {@code artemis create} makes a broker
 * instance under the work directory, and {@code artemis run} starts it in a JVM of its own, so that
 * its CPU is the broker's and not the harness's. The queue and its redelivery settings are the ones
 * the README's "On a production broker" section gives.
 */
final class BrokerProcess implements AutoCloseable {

  /** The README's settings for {@code webhooks.#}, inserted before the distribution's own. */
  static final String WEBHOOKS_SETTINGS =
      """
      <address-setting match="webhooks.#">
                  <dead-letter-address>DLQ</dead-letter-address>
                  <max-delivery-attempts>-1</max-delivery-attempts>
                  <redelivery-delay>500</redelivery-delay>
                  <redelivery-delay-multiplier>2</redelivery-delay-multiplier>
                  <max-redelivery-delay>10000</max-redelivery-delay>
               </address-setting>
               """;

  private final Process process;
  private final String distribution;
  private final Path log;
  private final String url;
  private final String journal;

  private BrokerProcess(
      Process process, String distribution, Path log, String url, String journal) {
    this.process = process;
    this.distribution = distribution;
    this.log = log;
    this.url = url;
    this.journal = journal;
  }

  /**
   * The unpacked distribution: {@code dir} itself if it has {@code bin/artemis}, else its one
   * {@code apache-artemis-*} subdirectory (where the pom's dependency:unpack puts it).
   */
  static Path home(Path dir) throws IOException {
    if (Files.isRegularFile(dir.resolve("bin/artemis"))) {
      return dir;
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> children = Files.list(dir)) {
        List<Path> found =
            children.filter(p -> Files.isRegularFile(p.resolve("bin/artemis"))).toList();
        if (found.size() == 1) {
          return found.get(0);
        }
      }
    }
    throw new IllegalStateException(
        "no Artemis distribution in "
            + dir
            + "; build it with mvn -B -pl webhooks-bench -am -DskipTests package");
  }

  /** Creates an instance in {@code instance} and starts it; returns once a client can log in. */
  static BrokerProcess start(
      Path home,
      Path instance,
      int port,
      String user,
      String password,
      String xmx,
      Duration timeout)
      throws IOException, InterruptedException {
    Path javaHome = Path.of(System.getProperty("java.home"));
    List<String> create =
        new ArrayList<>(
            List.of(
                "/bin/sh",
                home.resolve("bin/artemis").toString(),
                "create",
                "--silent",
                "--force",
                "--name",
                "bench",
                "--user",
                user,
                "--password",
                password,
                "--require-login",
                "--no-web",
                "--no-amqp-acceptor",
                "--no-mqtt-acceptor",
                "--no-stomp-acceptor",
                "--no-hornetq-acceptor",
                "--host",
                "127.0.0.1",
                "--default-port",
                String.valueOf(port),
                "--java-memory",
                xmx,
                "--queues",
                Publisher.QUEUE + ":anycast",
                instance.toString()));
    Path createLog = instance.resolveSibling(instance.getFileName() + "-create.log");
    Process creating = builder(create, javaHome, createLog).start();
    if (!creating.waitFor(3, TimeUnit.MINUTES) || creating.exitValue() != 0) {
      creating.destroyForcibly();
      throw new IllegalStateException("artemis create failed; see " + createLog);
    }
    Path brokerXml = instance.resolve("etc/broker.xml");
    String xml = configure(Files.readString(brokerXml, StandardCharsets.UTF_8));
    Files.writeString(brokerXml, xml, StandardCharsets.UTF_8);
    Matcher type = Pattern.compile("<journal-type>(\\w+)</journal-type>").matcher(xml);
    Matcher timeout2 =
        Pattern.compile("<journal-buffer-timeout>(\\d+)</journal-buffer-timeout>").matcher(xml);
    String journal =
        (type.find() ? type.group(1) : "?")
            + " journal, journal-buffer-timeout "
            + (timeout2.find()
                ? timeout2.group(1) + " ns (artemis create's auto-tuning on this disk)"
                : "?");

    Path log = instance.resolveSibling(instance.getFileName() + ".log");
    Process process =
        builder(
                List.of("/bin/sh", instance.resolve("bin/artemis").toString(), "run"),
                javaHome,
                log)
            .start();
    BrokerProcess broker =
        new BrokerProcess(
            process, home.getFileName().toString(), log, "tcp://127.0.0.1:" + port, journal);
    try {
      broker.awaitLogin(user, password, timeout);
    } catch (RuntimeException | InterruptedException e) {
      broker.close();
      throw e;
    }
    return broker;
  }

  private static ProcessBuilder builder(List<String> command, Path javaHome, Path log) {
    var builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder
        .environment()
        .remove("JAVA_ARGS"); // the instance's artemis.profile sets the broker's own
    return builder;
  }

  /**
   * The README's address settings for {@code webhooks.#}, its dead-letter queue (the distribution
   * creates DLQ already), and an acceptor for CORE only: the application and the producers speak
   * nothing else, and a broker that sniffs six protocols on every connection is not what production
   * runs.
   */
  static String configure(String xml) {
    String withSettings =
        xml.replaceFirst(
            "(<address-settings>\\s*)", "$1" + Matcher.quoteReplacement(WEBHOOKS_SETTINGS));
    String coreOnly = withSettings.replaceAll("protocols=[A-Z,]+", "protocols=CORE");
    if (withSettings.equals(xml)
        || coreOnly.equals(withSettings)
        || !coreOnly.contains("<queue name=\"DLQ\"")) {
      throw new IllegalStateException("broker.xml from artemis create is not in the expected form");
    }
    return coreOnly;
  }

  private void awaitLogin(String user, String password, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the broker exited with " + process.exitValue() + "; see " + log);
      }
      try (var factory =
              new ActiveMQConnectionFactory(url + "?reconnectAttempts=0&initialConnectAttempts=1");
          JMSContext context = factory.createContext(user, password)) {
        context.createQueue(Publisher.QUEUE);
        return;
      } catch (JMSRuntimeException e) {
        last = e.toString();
      }
      Thread.sleep(200); // the poll interval between login tries, not a wait for the broker
    }
    throw new IllegalStateException(
        "the broker did not accept a login after " + timeout + ": " + last + "; see " + log);
  }

  /** The distribution's directory name, e.g. apache-artemis-2.44.0. */
  String distribution() {
    return distribution;
  }

  String url() {
    return url;
  }

  long pid() {
    return process.pid(); // bin/artemis execs the JVM, so this is the broker's own process
  }

  String journal() {
    return journal;
  }

  Path log() {
    return log;
  }

  /** SIGTERM: the broker's shutdown hook stops it cleanly; forcibly after the timeout. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
