package dev.orchestrator.core.git;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When files last changed in git: the committer time ({@code %ct}, seconds since 1970) of the
 * newest commit touching them, as {@code SOURCE_DATE_EPOCH} wants it. Uncommitted changes do not
 * count: the time is a commit's, so every clone of that commit gives the same one.
 */
public final class CommitTime {
  /** A commit time and what it is the time of, for {@code build --explain}. */
  public record Found(long seconds, String of) {}

  private CommitTime() {}

  /**
   * The time of the last commit touching any of {@code paths}, else of HEAD (files never
   * committed), else empty: not inside a git work tree, no commit yet, or no git installed.
   */
  public static Optional<Found> lastChange(CommandRunner runner, Path root, List<Path> paths) {
    List<String> argv =
        new ArrayList<>(List.of("git", "-C", root.toString(), "log", "-1", "--format=%ct", "--"));
    paths.forEach(p -> argv.add(p.toAbsolutePath().normalize().toString()));
    Optional<Long> inputs = paths.isEmpty() ? Optional.empty() : seconds(runner, root, argv);
    if (inputs.isPresent()) {
      return Optional.of(new Found(inputs.get(), "the last commit changing its inputs"));
    }
    return seconds(
            runner,
            root,
            List.of("git", "-C", root.toString(), "log", "-1", "--format=%ct", "HEAD"))
        .map(s -> new Found(s, "HEAD's commit (no commit changes its inputs)"));
  }

  private static Optional<Long> seconds(CommandRunner runner, Path root, List<String> argv) {
    try {
      ProcessResult r = runner.run(argv, root);
      String out = String.join("\n", r.output()).strip();
      return r.succeeded() && out.matches("[0-9]{1,12}")
          ? Optional.of(Long.parseLong(out))
          : Optional.empty();
    } catch (EnvironmentException noGit) {
      return Optional.empty();
    }
  }
}
