package dev.orchestrator.core.git;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.Command;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The paths git ignores under a repository root, asked of git itself (one process) so that every
 * .gitignore rule, nested or global, counts exactly as git counts it. Outside a git work tree, or
 * without git, nothing is ignored.
 */
public final class GitIgnoredPaths {
  private static final Duration TIME_LIMIT = Duration.ofSeconds(30);
  private final Set<Path> ignored;

  private GitIgnoredPaths(Set<Path> ignored) {
    this.ignored = ignored;
  }

  public static GitIgnoredPaths of(CommandRunner runner, Path root) {
    List<String> argv =
        List.of(
            "git",
            "-C",
            root.toString(),
            "ls-files",
            "--others",
            "--ignored",
            "--exclude-standard",
            "--directory",
            "-z");
    ProcessResult result;
    try {
      result = runner.run(Command.of(argv, root).withTimeLimit(TIME_LIMIT), line -> {});
    } catch (EnvironmentException noGit) {
      return new GitIgnoredPaths(Set.of());
    }
    if (!result.succeeded()) {
      return new GitIgnoredPaths(Set.of());
    }
    Set<Path> paths = new HashSet<>();
    for (String entry : String.join("\n", result.output()).split("\0")) {
      if (!entry.isEmpty()) {
        paths.add(root.resolve(entry).normalize());
      }
    }
    return new GitIgnoredPaths(paths);
  }

  public boolean contains(Path absolute) {
    return ignored.contains(absolute.normalize());
  }
}
