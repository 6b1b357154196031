package dev.orchestrator.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.process.SystemCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against real git, with commits dated by hand. */
class CommitTimeTest {
  private final SystemCommandRunner runner = SystemCommandRunner.inheritingEnvironment();
  @TempDir Path root;

  @Test
  void theTimeIsThatOfTheLastCommitChangingTheInputsNotOfLaterOnes() throws Exception {
    git("init", "-q");
    write("services/api/app.txt", "1");
    commit(1600000000L);
    write("services/web/index.html", "2");
    commit(1700000000L);

    assertThat(CommitTime.lastChange(runner, root, List.of(root.resolve("services/api"))))
        .contains(new CommitTime.Found(1600000000L, "the last commit changing its inputs"));
  }

  @Test
  void inputsNoCommitChangesGiveHeadsTime() throws Exception {
    git("init", "-q");
    write("services/api/app.txt", "1");
    commit(1600000000L);
    write("services/new/Dockerfile", "FROM scratch\n");

    assertThat(CommitTime.lastChange(runner, root, List.of(root.resolve("services/new"))))
        .contains(
            new CommitTime.Found(1600000000L, "HEAD's commit (no commit changes its inputs)"));
  }

  @Test
  void outsideGitOrBeforeTheFirstCommitThereIsNone() throws Exception {
    write("services/api/app.txt", "1");
    assertThat(CommitTime.lastChange(runner, root, List.of(root.resolve("services/api"))))
        .isEmpty();

    git("init", "-q");
    assertThat(CommitTime.lastChange(runner, root, List.of(root.resolve("services/api"))))
        .isEmpty();
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void commit(long seconds) throws Exception {
    git("add", "-A");
    ProcessBuilder pb =
        new ProcessBuilder(
                "git",
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "commit",
                "-q",
                "-m",
                "c" + seconds)
            .directory(root.toFile())
            .inheritIO();
    pb.environment().put("GIT_COMMITTER_DATE", "@" + seconds + " +0000");
    pb.environment().put("GIT_AUTHOR_DATE", "@" + seconds + " +0000");
    assertThat(pb.start().waitFor()).isZero();
  }

  private void git(String... args) throws Exception {
    List<String> argv = new java.util.ArrayList<>(List.of("git"));
    argv.addAll(List.of(args));
    assertThat(new ProcessBuilder(argv).directory(root.toFile()).inheritIO().start().waitFor())
        .isZero();
  }
}
