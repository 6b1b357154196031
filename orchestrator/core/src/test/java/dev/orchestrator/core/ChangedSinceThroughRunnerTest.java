package dev.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.RecordingCommandRunner;
import dev.orchestrator.core.progress.BuildListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build --changed-since REF} through a recording runner: what git is asked, and when. */
class ChangedSinceThroughRunnerTest {
  @TempDir Path root;
  private final RecordingCommandRunner runner = new RecordingCommandRunner();
  private Orchestrator orchestrator;
  private List<String> diff;
  private List<String> untracked;

  @BeforeEach
  void repository() {
    new TestRepository(root)
        .service("base", "FROM scratch\nCOPY . /\n")
        .service("mid", "FROM base\n")
        .service("leaf", "FROM mid\nCOPY app.txt /\n")
        .write("services/leaf/app.txt", "app\n")
        .service("lone", "FROM scratch\nCOPY . /\n")
        .profile("local", "platforms: [linux/amd64]\noutput: load\n");
    diff = List.of("git", "diff", "--name-only", "--relative", "-z", "origin/main", "--");
    untracked = List.of("git", "ls-files", "--others", "--exclude-standard", "-z");
    runner.answer(List.of("git", "-C", root.toString(), "ls-files"), 0);
    orchestrator =
        new Orchestrator(
            runner,
            () -> {
              throw new AssertionError("a dry run needs no engine");
            });
  }

  private BuildOutcome dryRun(String ref) {
    return orchestrator.build(
        BuildRequest.builder(root).dryRun(true).changedSince(Optional.of(ref)).build(),
        BuildListener.NONE);
  }

  @Test
  void aChangedFilePlansItsServiceWithItsDependenciesAndDependents() {
    runner.answer(diff, 0, "services/mid/Dockerfile\0");
    runner.answer(untracked, 0);

    BuildOutcome outcome = dryRun("origin/main");

    assertThat(outcome.plan().waves())
        .containsExactly(List.of("base"), List.of("mid"), List.of("leaf"));
    assertThat(runner.argvs("git", "diff")).containsExactly(diff);
  }

  @Test
  void anUntrackedFileCountsAsAChange() {
    runner.answer(diff, 0);
    runner.answer(untracked, 0, "services/lone/new.txt\0");

    assertThat(dryRun("origin/main").plan().services()).containsExactly("lone");
  }

  @Test
  void nothingChangedPlansNothing() {
    runner.answer(diff, 0);
    runner.answer(untracked, 0);

    assertThat(dryRun("origin/main").plan().services()).isEmpty();
  }

  @Test
  void anUnknownRevisionIsAConfigurationErrorWithGitsWords() {
    runner.answer(
        List.of("git", "diff"), 128, "fatal: ambiguous argument 'nope': unknown revision");

    assertThatThrownBy(() -> dryRun("nope"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("--changed-since nope")
        .hasMessageContaining("unknown revision");
  }

  @Test
  void aRevisionThatLooksLikeAnOptionNeverReachesGit() {
    assertThatThrownBy(() -> dryRun("--output=/tmp/x"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("is not a git revision");
    assertThat(runner.argvs("git", "diff")).isEmpty();
  }

  @Test
  void withoutGitTheErrorSaysToInstallIt() {
    runner.cannotStart(List.of("git", "diff"));

    assertThatThrownBy(() -> dryRun("origin/main"))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("cannot run git");
  }
}
