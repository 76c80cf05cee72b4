package com.kompaas.webhooks.launcher;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Payara Micro's root directory, emptied at every start: a used root makes Micro redeploy what it
 * remembers before the jar's own application. It is the only thing the launcher deletes, and only
 * what lies inside it: a symbolic link is removed as a link, never followed, so a link to a
 * directory elsewhere (or a root that is itself a link) leaves its target alone.
 */
final class PayaraRoot {

  private PayaraRoot() {}

  static void empty(Path root) throws IOException {
    Path start = root.toAbsolutePath().normalize();
    if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    // walkFileTree without FOLLOW_LINKS reports a link as a file, so it is deleted, not entered
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(inside(start, file));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException failure)
              throws IOException {
            if (failure != null) {
              throw failure;
            }
            Files.delete(inside(start, dir));
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static Path inside(Path root, Path path) {
    if (!path.normalize().startsWith(root)) {
      throw new IllegalStateException("not deleting " + path + ": outside Payara's root " + root);
    }
    return path;
  }
}
