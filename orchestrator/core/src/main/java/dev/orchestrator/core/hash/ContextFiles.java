package dev.orchestrator.core.hash;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.FileErrors;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a build context that BuildKit would send, walked as fsutil walks it: in name
 * order, an excluded folder skipped unless an exception may bring back something inside it, and a
 * folder listed when it is included or holds something included.
 */
public final class ContextFiles {
  private ContextFiles() {}

  /** One entry, with its path relative to the context root ({@code /}-separated). */
  public record Entry(
      String path, Kind kind, Path file, long size, long modifiedNanos, boolean executable) {}

  public enum Kind {
    FILE,
    DIRECTORY,
    SYMLINK
  }

  /**
   * The entries sent, sorted by path. A missing context has none.
   *
   * @throws dev.orchestrator.core.error.EnvironmentException when a folder cannot be listed
   */
  public static List<Entry> list(Path context, DockerIgnore ignore) {
    List<Entry> entries = new ArrayList<>();
    if (Files.isDirectory(context)) {
      walk(context, "", null, ignore, entries);
    }
    entries.sort(java.util.Comparator.comparing(Entry::path));
    return entries;
  }

  /**
   * @return whether anything under {@code dir} was included
   */
  private static boolean walk(
      Path dir, String prefix, DockerIgnore.Match parent, DockerIgnore ignore, List<Entry> out) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    } catch (IOException e) {
      throw cannotList(dir, e);
    } catch (DirectoryIteratorException e) {
      throw cannotList(dir, e.getCause());
    }
    children.sort(java.util.Comparator.comparing(p -> p.getFileName().toString()));
    boolean any = false;
    for (Path child : children) {
      String path = prefix + child.getFileName();
      PosixFileAttributes attrs;
      try {
        attrs = Files.readAttributes(child, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        continue; // vanished while walking
      }
      DockerIgnore.Match match = ignore.isEmpty() ? null : ignore.match(path, parent);
      boolean excluded = match != null && match.excluded();
      if (attrs.isDirectory()) {
        if (excluded && !ignore.mustDescend(path)) {
          continue;
        }
        int at = out.size();
        boolean inside = walk(child, path + "/", match, ignore, out);
        if (!excluded || inside) {
          out.add(at, new Entry(path, Kind.DIRECTORY, child, 0, 0, false));
          any = true;
        }
      } else if (!excluded) {
        Kind kind = attrs.isSymbolicLink() ? Kind.SYMLINK : Kind.FILE;
        out.add(
            new Entry(
                path,
                kind,
                child,
                attrs.size(),
                attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                attrs.permissions().contains(PosixFilePermission.OWNER_EXECUTE)));
        any = true;
      }
    }
    return any;
  }

  private static EnvironmentException cannotList(Path dir, IOException e) {
    return FileErrors.environment(
        "list", dir, e, "If no image needs it, exclude it in the service's .dockerignore.");
  }
}
