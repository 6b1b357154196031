package dev.orchestrator.core.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The paths git ignores under a repository root, asked of git itself (one process) so that every
 * .gitignore rule, nested or global, counts exactly as git counts it. Outside a git work tree, or
 * without git, nothing is ignored.
 */
public final class GitIgnoredPaths {
  private final Set<Path> ignored;

  private GitIgnoredPaths(Set<Path> ignored) {
    this.ignored = ignored;
  }

  public static GitIgnoredPaths of(Path root) {
    ProcessBuilder git =
        new ProcessBuilder(
                "git",
                "-C",
                root.toString(),
                "ls-files",
                "--others",
                "--ignored",
                "--exclude-standard",
                "--directory",
                "-z")
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process process = git.start();
      String out;
      try (InputStream in = process.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return new GitIgnoredPaths(Set.of());
      }
      Set<Path> paths = new HashSet<>();
      for (String entry : out.split("\0")) {
        if (!entry.isEmpty()) {
          paths.add(root.resolve(entry).normalize());
        }
      }
      return new GitIgnoredPaths(paths);
    } catch (IOException e) {
      return new GitIgnoredPaths(Set.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new GitIgnoredPaths(Set.of());
    }
  }

  public boolean contains(Path absolute) {
    return ignored.contains(absolute.normalize());
  }
}
