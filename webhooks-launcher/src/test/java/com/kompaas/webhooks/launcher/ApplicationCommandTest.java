package com.kompaas.webhooks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationCommandTest {

  private static final Path MICRO = Path.of("/opt/webhooks/webhooks-micro.jar");

  private static ApplicationCommand command() {
    return new ApplicationCommand(Path.of("/opt/jdk"), MICRO, Path.of("/var/webhooks/tmp"));
  }

  private static Properties launcher(String... keysAndValues) {
    var properties = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }

  @Test
  void webhooksAndArtemisPropertiesOfTheLauncherReachTheApplication() {
    List<String> line =
        command()
            .systemProperties(
                launcher(
                    "webhooks.outbound.allow",
                    "127.0.0.1/32",
                    "artemis.connection-parameters",
                    "host=mq;port=61616",
                    "user.home",
                    "/root",
                    "java.io.tmpdir",
                    "/tmp",
                    "webhooksx",
                    "no"),
                Set.of())
            .toList();
    assertTrue(line.contains("-Dwebhooks.outbound.allow=127.0.0.1/32"), line.toString());
    assertTrue(
        line.contains("-Dartemis.connection-parameters=host=mq;port=61616"), line.toString());
    assertFalse(
        line.stream().anyMatch(a -> a.startsWith("-Duser.home") || a.startsWith("-Dwebhooksx")),
        line.toString());
    assertEquals(
        List.of("-Djava.io.tmpdir=/var/webhooks/tmp"),
        line.stream().filter(a -> a.startsWith("-Djava.io.tmpdir")).toList(),
        "the launcher's temporary directory only");
    assertTrue(
        line.indexOf("-Dwebhooks.outbound.allow=127.0.0.1/32") < line.indexOf("-jar"),
        "a JVM option, before -jar");
  }

  @Test
  void keysTheLauncherProvidesForAnEmbeddedServiceAreNotOverriddenByItsOwnProperties() {
    List<String> line =
        command()
            .systemProperties(
                launcher(
                    "webhooks.db.user",
                    "someone",
                    "webhooks.db.password",
                    "typed",
                    "artemis.user",
                    "u"),
                Set.of("webhooks.db.url", "webhooks.db.user", "webhooks.db.password"))
            .toList();
    assertFalse(line.stream().anyMatch(a -> a.startsWith("-Dwebhooks.db.")), line.toString());
    assertTrue(line.contains("-Dartemis.user=u"), line.toString());
  }

  @Test
  void jvmOptionsComeFirstAndTheTemporaryDirectoryAfterThem() {
    List<String> line =
        command()
            .jvmOptions("  -Xmx1g   -XX:+HeapDumpOnOutOfMemoryError -Djava.io.tmpdir=/elsewhere ")
            .systemProperties(launcher(ApplicationCommand.JVM_OPTIONS, "-Xmx1g"), Set.of())
            .microArguments(List.of("--port", "8080"))
            .toList();
    assertEquals(
        List.of(
            "/opt/jdk/bin/java",
            "-Xmx1g",
            "-XX:+HeapDumpOnOutOfMemoryError",
            "-Djava.io.tmpdir=/elsewhere",
            "-Djava.io.tmpdir=/var/webhooks/tmp",
            "-jar",
            MICRO.toString(),
            "--port",
            "8080"),
        line);
  }

  @Test
  void noJvmOptionsAddNothing() {
    assertEquals(
        List.of(
            "/opt/jdk/bin/java", "-Djava.io.tmpdir=/var/webhooks/tmp", "-jar", MICRO.toString()),
        command().jvmOptions(null).jvmOptions(" ").toList());
  }
}
