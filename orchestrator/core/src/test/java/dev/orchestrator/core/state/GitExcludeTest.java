package dev.orchestrator.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitExcludeTest {
  @TempDir Path dir;

  @Test
  void addsTheCacheFolderToTheClonesOwnExcludeFileOnce() throws IOException {
    Files.createDirectories(dir.resolve(".git/info"));
    Path exclude = Files.writeString(dir.resolve(".git/info/exclude"), "# git's own\n*.swp");

    assertThat(GitExclude.ensure(dir)).contains(exclude);
    assertThat(GitExclude.ensure(dir)).isEmpty();
    assertThat(GitExclude.ensure(dir)).isEmpty();

    assertThat(Files.readAllLines(exclude))
        .containsExactly("# git's own", "*.swp", GitExclude.COMMENT, "/.cache/");
    assertThat(dir.resolve(".gitignore")).doesNotExist();
  }

  @Test
  void createsTheExcludeFileWhenTheCloneHasNone() throws IOException {
    Files.createDirectories(dir.resolve(".git"));

    GitExclude.ensure(dir);

    assertThat(Files.readAllLines(dir.resolve(".git/info/exclude")))
        .containsExactly(GitExclude.COMMENT, "/.cache/");
  }

  @Test
  void aRepositoryInASubfolderOfTheCloneExcludesItsOwnCacheFolder() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    Path root = Files.createDirectories(dir.resolve("platform/images"));

    GitExclude.ensure(root);

    assertThat(Files.readAllLines(dir.resolve(".git/info/exclude")))
        .containsExactly(GitExclude.COMMENT, "/platform/images/.cache/");
  }

  @Test
  void aWorktreeWritesTheExcludeFileOfItsMainClone() throws IOException {
    Path main = Files.createDirectories(dir.resolve("main/.git/worktrees/wt"));
    Files.writeString(main.resolve("commondir"), "../..\n");
    Path worktree = Files.createDirectories(dir.resolve("wt"));
    Files.writeString(worktree.resolve(".git"), "gitdir: " + main + "\n");

    GitExclude.ensure(worktree);

    assertThat(Files.readAllLines(dir.resolve("main/.git/info/exclude")))
        .containsExactly(GitExclude.COMMENT, "/.cache/");
  }

  @Test
  void outsideGitNothingIsWritten() throws IOException {
    Path root = Files.createDirectories(dir.resolve("plain"));

    assertThat(GitExclude.ensure(root)).isEmpty();

    try (var files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void takingTheBuildLockIsTheFirstWriteAndExcludesTheFolder() throws IOException {
    Files.createDirectories(dir.resolve(".git"));

    try (BuildLock lock = BuildLock.acquire(new StateFolder(dir), "build", false, n -> {})) {
      assertThat(Files.readAllLines(dir.resolve(".git/info/exclude"))).contains("/.cache/");
    }
  }
}
