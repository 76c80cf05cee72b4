package com.kompaas.webhooks.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command line of the application's JVM, and so what of the launcher's own configuration
 * reaches the application: every {@code webhooks.*} and {@code artemis.*} system property given to
 * the launcher (as {@code -D}), and the JVM options of {@value #JVM_OPTIONS}. The environment is
 * inherited as it is.
 *
 * <p>The launcher's own JVM options ({@code java -Xmx2g -jar webhooks.jar}) are not passed on: they
 * size the launcher's JVM, which holds the embedded broker, and a debug or profiling agent given to
 * it would clash with a copy of itself in the application (the same port, the same file).
 */
final class ApplicationCommand {

  /**
   * Space-separated JVM options of the application, e.g. {@code -Xmx1g
   * -XX:+HeapDumpOnOutOfMemoryError}.
   */
  static final String JVM_OPTIONS = "webhooks.jvm-options";

  private static final List<String> PASSED_ON = List.of("webhooks.", "artemis.");

  private final Path java;
  private final Path microJar;
  private final Path tmpDir;
  private final List<String> jvmOptions = new ArrayList<>();
  private final List<String> properties = new ArrayList<>();
  private final List<String> microArguments = new ArrayList<>();

  ApplicationCommand(Path javaHome, Path microJar, Path tmpDir) {
    this.java = javaHome.resolve("bin").resolve("java");
    this.microJar = microJar;
    this.tmpDir = tmpDir;
  }

  /** Whitespace separates options; an option cannot contain a space. Blank or null adds nothing. */
  ApplicationCommand jvmOptions(String options) {
    if (options != null && !options.isBlank()) {
      jvmOptions.addAll(List.of(options.trim().split("\\s+")));
    }
    return this;
  }

  /**
   * Passes on the {@code webhooks.*} and {@code artemis.*} properties, except {@code providedHere}:
   * the keys the launcher sets itself, in the environment, for a service it started (as system
   * properties they would win over its values in MicroProfile Config).
   */
  ApplicationCommand systemProperties(Properties launcher, Set<String> providedHere) {
    for (String key : new TreeSet<>(launcher.stringPropertyNames())) {
      if (PASSED_ON.stream().anyMatch(key::startsWith)
          && !providedHere.contains(key)
          && !JVM_OPTIONS.equals(key)) {
        properties.add("-D" + key + "=" + launcher.getProperty(key));
      }
    }
    return this;
  }

  ApplicationCommand microArguments(List<String> arguments) {
    microArguments.addAll(arguments);
    return this;
  }

  List<String> toList() {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    // after the options given, so that it wins: the launcher owns the application's temporary files
    command.add("-Djava.io.tmpdir=" + tmpDir);
    command.addAll(properties);
    command.add("-jar");
    command.add(microJar.toString());
    command.addAll(microArguments);
    return command;
  }
}
