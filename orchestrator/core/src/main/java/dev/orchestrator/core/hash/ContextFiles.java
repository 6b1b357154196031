package dev.orchestrator.core.hash;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.Problem;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The entries of a build context that BuildKit would send, walked as fsutil walks it: in name
 * order, an excluded folder skipped unless an exception may bring back something inside it, and a
 * folder listed when it is included or holds something included.
 *
 * <p>Special files (pipes, sockets, devices) that BuildKit would be sent are refused rather than
 * read: opening a FIFO blocks until someone writes to it, and none of them has content an image
 * could be made from.
 */
public final class ContextFiles {
  private ContextFiles() {}

  /**
   * One entry, with its path relative to the context root ({@code /}-separated).
   *
   * @param mode the permission bits BuildKit keeps ({@code 07777}: setuid, setgid, sticky, rwx)
   */
  public record Entry(String path, Kind kind, Path file, long size, long modifiedNanos, int mode) {}

  public enum Kind {
    FILE,
    DIRECTORY,
    SYMLINK
  }

  /** The permission bits of a POSIX mode, which BuildKit keeps on everything it copies. */
  static final int PERMISSION_BITS = 07777;

  private static final int TYPE_BITS = 0170000;

  /**
   * The entries sent, sorted by path. A missing context has none.
   *
   * @throws ConfigurationException when a special file (FIFO, socket, device) would be sent
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
      Map<String, Object> attrs;
      try {
        attrs = Files.readAttributes(child, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        continue; // vanished while walking
      }
      DockerIgnore.Match match = ignore.isEmpty() ? null : ignore.match(path, parent);
      boolean excluded = match != null && match.excluded();
      int mode = (int) attrs.get("mode");
      if ((boolean) attrs.get("isDirectory")) {
        if (excluded && !ignore.mustDescend(path)) {
          continue;
        }
        int at = out.size();
        boolean inside = walk(child, path + "/", match, ignore, out);
        if (!excluded || inside) {
          out.add(at, new Entry(path, Kind.DIRECTORY, child, 0, 0, mode & PERMISSION_BITS));
          any = true;
        }
      } else if (!excluded) {
        Kind kind;
        if ((boolean) attrs.get("isSymbolicLink")) {
          kind = Kind.SYMLINK;
        } else if ((boolean) attrs.get("isRegularFile")) {
          kind = Kind.FILE;
        } else {
          throw new ConfigurationException(
              Problem.inFile(
                  child,
                  "is "
                      + special(mode)
                      + ", which cannot go into an image: remove it, or list it in the"
                      + " service's .dockerignore"));
        }
        out.add(
            new Entry(
                path,
                kind,
                child,
                (long) attrs.get("size"),
                ((FileTime) attrs.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS),
                mode & PERMISSION_BITS));
        any = true;
      }
    }
    return any;
  }

  private static final String ATTRIBUTES =
      "unix:mode,size,lastModifiedTime,isDirectory,isSymbolicLink,isRegularFile";

  /** What kind of special file a POSIX mode says it is. */
  private static String special(int mode) {
    return switch (mode & TYPE_BITS) {
      case 0010000 -> "a named pipe (FIFO)";
      case 0140000 -> "a socket";
      case 0020000 -> "a character device";
      case 0060000 -> "a block device";
      default -> "a special file (mode " + Integer.toOctalString(mode) + ")";
    };
  }

  private static EnvironmentException cannotList(Path dir, IOException e) {
    return FileErrors.environment(
        "list", dir, e, "If no image needs it, exclude it in the service's .dockerignore.");
  }
}
