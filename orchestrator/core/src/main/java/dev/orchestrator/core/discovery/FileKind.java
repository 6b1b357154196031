package dev.orchestrator.core.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path is, with symbolic links followed, from as few file system calls as can tell: one for
 * a path that is not a link (two for one that is), where the {@code Files.isX} checks took one
 * each. Discovery asks this of every service's descriptor and Dockerfile.
 */
enum FileKind {
  ABSENT,
  FILE,
  FOLDER,
  /** Exists, but neither a file nor a folder (a FIFO, a socket, a device). */
  OTHER,
  /** A symbolic link whose target does not exist. */
  BROKEN_LINK;

  static FileKind of(Path path) {
    BasicFileAttributes own = attributes(path, LinkOption.NOFOLLOW_LINKS);
    if (own == null) {
      return ABSENT;
    }
    if (own.isSymbolicLink()) {
      BasicFileAttributes target = attributes(path);
      return target == null ? BROKEN_LINK : of(target);
    }
    return of(own);
  }

  private static FileKind of(BasicFileAttributes attributes) {
    if (attributes.isRegularFile()) {
      return FILE;
    }
    return attributes.isDirectory() ? FOLDER : OTHER;
  }

  /**
   * The path's attributes, or null where it cannot be read (as {@code Files.exists} says false).
   */
  private static BasicFileAttributes attributes(Path path, LinkOption... options) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, options);
    } catch (IOException e) {
      return null;
    }
  }
}
