package dev.orchestrator.core.state;

import dev.orchestrator.core.error.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Holds a path the orchestrator reads, writes or deletes to the repository after following symbolic
 * links: the text of {@code .cache/orchestrator} is inside the repository even when {@code .cache}
 * is a link to somewhere else, and writing or deleting through it would reach that somewhere else.
 */
public final class InsideRepository {
  private InsideRepository() {}

  /**
   * {@code path}, unchanged, once every existing part of it is known to lead inside {@code root}.
   *
   * @param what what the path is, for the message: "the state folder", "the cache folder"
   * @throws ConfigurationException naming the link and where it leads, or the path itself
   */
  public static Path require(Path path, Path root, String what) {
    Optional<String> complaint = complaint(path, root);
    if (complaint.isPresent()) {
      throw new ConfigurationException(what + " " + path + " " + complaint.get());
    }
    return path;
  }

  /** What is wrong with {@code path} as a path inside {@code root}; empty when nothing is. */
  public static Optional<String> complaint(Path path, Path root) {
    Path rootPath = root.toAbsolutePath().normalize();
    Path target = path.toAbsolutePath().normalize();
    if (!target.startsWith(rootPath)) {
      return Optional.of("is not inside the repository " + rootPath);
    }
    Path realRoot;
    try {
      realRoot = rootPath.toRealPath();
    } catch (IOException e) {
      return Optional.of("cannot be resolved: the repository " + rootPath + " cannot be read");
    }
    // Walking down from the root finds the first link that leaves it, which is what to name.
    Path current = rootPath;
    for (Path part : rootPath.relativize(target)) {
      current = current.resolve(part);
      if (!Files.exists(current, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      if (Files.isSymbolicLink(current)) {
        Optional<Path> real = realPath(current);
        if (real.isEmpty()) {
          return Optional.of(
              "cannot be resolved: "
                  + rootPath.relativize(current)
                  + " is a symbolic link to "
                  + linkText(current)
                  + ", which does not exist. Remove the link.");
        }
        if (!real.get().startsWith(realRoot)) {
          return Optional.of(
              "leads outside the repository: "
                  + rootPath.relativize(current)
                  + " is a symbolic link to "
                  + real.get()
                  + ". Replace the link with what it points to, inside the repository.");
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> realPath(Path link) {
    try {
      return Optional.of(link.toRealPath());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String linkText(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "?";
    }
  }
}
