package dev.orchestrator.core.state;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.FileErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes folders the orchestrator owns, refusing anything outside the repository after following
 * symbolic links. Links inside a deleted folder are removed, never followed.
 */
public final class FileTrees {
  private FileTrees() {}

  public static List<String> delete(Path tree, Path repositoryRoot) {
    Path target = tree.toAbsolutePath().normalize();
    if (!target.startsWith(repositoryRoot) || target.equals(repositoryRoot)) {
      throw new ConfigurationException(
          "refusing to delete " + target + ": not inside " + repositoryRoot);
    }
    // The text alone is not enough: through a linked .cache, the folder is somewhere else.
    InsideRepository.complaint(target, repositoryRoot)
        .ifPresent(
            why -> {
              throw new ConfigurationException("refusing to delete " + target + ": it " + why);
            });
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(target)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw cannotDelete(target, e);
    } catch (UncheckedIOException e) {
      // Files.walk reports a folder it cannot list this way.
      throw cannotDelete(target, e.getCause());
    }
    return List.of("folder " + repositoryRoot.relativize(target));
  }

  private static EnvironmentException cannotDelete(Path target, IOException e) {
    return FileErrors.environment(
        "delete",
        target,
        e,
        "Then run again, or delete " + target + " by hand: it can be rebuilt.");
  }
}
