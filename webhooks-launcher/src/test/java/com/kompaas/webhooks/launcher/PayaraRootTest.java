package com.kompaas.webhooks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayaraRootTest {

  @TempDir Path dir;

  @Test
  void emptiesTheRootButNeverWhatItsLinksPointTo() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("mariadb/data"));
    Path precious = Files.writeString(elsewhere.resolve("ibdata1"), "rows");
    Path root = Files.createDirectories(dir.resolve("payara/runtime/deep"));
    Files.writeString(root.resolve("domain.xml"), "<domain/>");
    Files.createSymbolicLink(dir.resolve("payara/runtime/data"), elsewhere);
    Files.createSymbolicLink(dir.resolve("payara/file-link"), precious);

    PayaraRoot.empty(dir.resolve("payara"));

    assertFalse(Files.exists(dir.resolve("payara"), LinkOption.NOFOLLOW_LINKS));
    assertEquals("rows", Files.readString(precious), "a link's target is left alone");
  }

  @Test
  void aRootThatIsALinkLosesOnlyTheLink() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path precious = Files.writeString(elsewhere.resolve("keep.txt"), "keep");
    Files.createSymbolicLink(dir.resolve("payara"), elsewhere);

    PayaraRoot.empty(dir.resolve("payara"));

    assertFalse(Files.exists(dir.resolve("payara"), LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.exists(precious));
  }

  @Test
  void aMissingRootIsNothingToDo() throws Exception {
    PayaraRoot.empty(dir.resolve("payara"));
    assertFalse(Files.exists(dir.resolve("payara")));
  }
}
