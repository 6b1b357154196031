package dev.orchestrator.core.git;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The files that differ between a git revision and the working tree: {@code git diff --name-only
 * REF} (staged and unstaged changes, deletions included) plus untracked files git does not ignore.
 * Paths are relative to the repository root given (the orchestrator's root, which may be a folder
 * inside the git work tree).
 */
public final class ChangedFiles {
  private ChangedFiles() {}

  public static List<String> since(CommandRunner runner, Path root, String ref) {
    if (ref.isBlank() || ref.startsWith("-")) {
      // git would read "-…" as an option: a revision never starts with one.
      throw new ConfigurationException(
          "'"
              + ref
              + "' is not a git revision (expected a branch, tag or commit such as origin/main)");
    }
    TreeSet<String> paths = new TreeSet<>();
    paths.addAll(
        git(
            runner,
            root,
            List.of("git", "diff", "--name-only", "--relative", "-z", ref, "--"),
            "--changed-since " + ref));
    paths.addAll(
        git(
            runner,
            root,
            List.of("git", "ls-files", "--others", "--exclude-standard", "-z"),
            "listing untracked files"));
    return List.copyOf(paths);
  }

  private static List<String> git(CommandRunner runner, Path root, List<String> argv, String what) {
    ProcessResult result;
    try {
      result = runner.run(argv, root);
    } catch (EnvironmentException e) {
      throw new EnvironmentException(
          "cannot run git: " + e.getMessage(),
          "install git (apt-get install git) to use --changed-since / affected");
    }
    if (!result.succeeded()) {
      throw new ConfigurationException(
          what
              + ": "
              + String.join(" ", argv)
              + " exited with "
              + result.exitCode()
              + ": "
              + String.join(" ", result.tail(3)));
    }
    return java.util.Arrays.stream(String.join("\n", result.output()).split("\0"))
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
