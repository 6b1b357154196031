package dev.orchestrator.core.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the orchestrator's {@code .cache/} out of {@code git status} in the user's repository by a
 * line in {@code .git/info/exclude}: that file is the clone's own, never committed, so no tracked
 * file ({@code .gitignore}) is touched. Found from the files alone (no git process), following a
 * {@code .git} file to its worktree's common folder; outside git it does nothing.
 */
public final class GitExclude {
  static final String COMMENT = "# orchestrator: its build state and caches (added once; keep it)";

  private GitExclude() {}

  /**
   * Adds {@code /<path of .cache from the git top>/} to the exclude file unless a line says so
   * already. Best effort: a repository whose exclude file cannot be written builds anyway.
   *
   * @return the exclude file, when it was written now
   */
  public static Optional<Path> ensure(Path repositoryRoot) {
    Path root = repositoryRoot.toAbsolutePath().normalize();
    for (Path dir = root; dir != null; dir = dir.getParent()) {
      Path dotGit = dir.resolve(".git");
      if (Files.exists(dotGit)) {
        Optional<Path> gitDir = commonGitDir(dotGit);
        if (gitDir.isEmpty()) {
          return Optional.empty();
        }
        String relative = dir.relativize(root).toString().replace('\\', '/');
        String line = "/" + (relative.isEmpty() ? "" : relative + "/") + ".cache/";
        return add(gitDir.get().resolve("info").resolve("exclude"), line);
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> add(Path exclude, String line) {
    try {
      List<String> lines =
          Files.isRegularFile(exclude)
              ? Files.readAllLines(exclude, StandardCharsets.UTF_8)
              : List.of();
      if (lines.stream().map(String::strip).anyMatch(line::equals)) {
        return Optional.empty();
      }
      Files.createDirectories(exclude.getParent());
      String before =
          lines.isEmpty() || Files.readString(exclude, StandardCharsets.UTF_8).endsWith("\n")
              ? ""
              : "\n";
      Files.writeString(
          exclude,
          before + COMMENT + "\n" + line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return Optional.of(exclude);
    } catch (IOException | RuntimeException e) {
      // Not worth failing a build over: the state is only shown by git status.
      return Optional.empty();
    }
  }

  /**
   * The folder holding {@code info/exclude}: {@code .git} itself, or for a {@code .git} file
   * ({@code gitdir: …}, a worktree or submodule) the folder it names, or that folder's {@code
   * commondir} (worktrees share their main clone's exclude file).
   */
  private static Optional<Path> commonGitDir(Path dotGit) {
    if (Files.isDirectory(dotGit)) {
      return Optional.of(dotGit);
    }
    try {
      String text = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
      if (!text.startsWith("gitdir:")) {
        return Optional.empty();
      }
      Path gitDir = dotGit.getParent().resolve(text.substring("gitdir:".length()).strip());
      Path commonDir = gitDir.resolve("commondir");
      if (Files.isRegularFile(commonDir)) {
        return Optional.of(
            gitDir
                .resolve(Files.readString(commonDir, StandardCharsets.UTF_8).strip())
                .normalize());
      }
      return Optional.of(gitDir.normalize());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
