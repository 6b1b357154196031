package dev.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.RecordingCommandRunner;
import dev.orchestrator.core.progress.BuildEvent;
import dev.orchestrator.core.result.Verdict;
import dev.orchestrator.core.state.BuildLock;
import dev.orchestrator.core.state.StateFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One build of a repository at a time: the second refuses, or waits when asked to. */
class BuildLockThroughRunnerTest {
  private static final long PID = ProcessHandle.current().pid();

  @TempDir Path root;
  private final RecordingCommandRunner runner = new RecordingCommandRunner();
  private final List<String> notices = new CopyOnWriteArrayList<>();
  private Orchestrator orchestrator;

  @BeforeEach
  void repository() {
    new TestRepository(root)
        .service("api", "FROM scratch\n")
        .profile("local", "platforms: [linux/amd64]\noutput: load\ncache: {type: none}\n");
    runner.answer(
        List.of("git", "-C", root.toString(), "ls-files"), 128, "fatal: not a git repository");
    runner.answer(List.of("docker", "buildx", "build"), 0);
    runner.answer(List.of("docker", "buildx", "bake"), 0);
    orchestrator = new Orchestrator(runner, FakeEngine::new, java.util.Map.of());
  }

  private BuildRequest.Builder request() {
    return BuildRequest.builder(root).profile(Optional.of("local")).force(true);
  }

  private BuildOutcome build(BuildRequest request) {
    return orchestrator.build(
        request,
        event -> {
          if (event instanceof BuildEvent.Phase phase && phase.service().isEmpty()) {
            notices.add(phase.message());
          }
        });
  }

  private BuildLock holdLikeAnotherBuild() {
    return BuildLock.acquire(new StateFolder(root), "build", false, notice -> {});
  }

  @Test
  void aSecondBuildWhileOneRunsIsRefusedNamingTheHoldersPid() {
    try (BuildLock running = holdLikeAnotherBuild()) {
      EnvironmentException e =
          catchThrowableOfType(() -> build(request().build()), EnvironmentException.class);

      assertThat(e.getMessage())
          .contains("another build of this repository is running")
          .contains("build of pid " + PID + " started at ");
      assertThat(e.remedy()).contains("--wait");
      assertThat(runner.argvs("docker")).isEmpty();
    }
  }

  @Test
  void theLockFileNamesTheHolderWhileItRunsAndIsEmptiedAfter() throws Exception {
    Path file = new StateFolder(root).buildLock();
    try (BuildLock running = holdLikeAnotherBuild()) {
      assertThat(Files.readString(file)).startsWith(PID + " ").endsWith(" build\n");
    }
    assertThat(Files.readString(file)).isEmpty();
    assertThat(build(request().build()).verdict()).isEqualTo(Verdict.OK);
  }

  @Test
  void aDryRunNeitherWaitsForNorTakesTheLock() {
    try (BuildLock running = holdLikeAnotherBuild()) {
      assertThat(build(request().dryRun(true).build()).commands())
          .containsKeys("bake batch 1", "bake batch 1 definition");
    }
  }

  @Test
  void withWaitTheSecondBuildSaysWhoItWaitsForAndBuildsOnceTheFirstEnds() throws Exception {
    ExecutorService second = Executors.newSingleThreadExecutor();
    try {
      Future<BuildOutcome> waiting;
      try (BuildLock running = holdLikeAnotherBuild()) {
        waiting = second.submit(() -> build(request().waitForLock(true).build()));
        while (notices.stream().noneMatch(n -> n.startsWith("waiting for the"))) {
          assertThat(waiting.isDone()).as("the second build must wait").isFalse();
          Thread.sleep(20);
        }
        assertThat(runner.argvs("docker")).isEmpty();
      }
      assertThat(waiting.get(30, TimeUnit.SECONDS).verdict()).isEqualTo(Verdict.OK);
      assertThat(notices)
          .contains("waiting for the build of pid " + PID + " started at " + startOf(notices));
    } finally {
      second.shutdownNow();
    }
  }

  private static String startOf(List<String> notices) {
    String waiting =
        notices.stream().filter(n -> n.startsWith("waiting for the")).findFirst().orElseThrow();
    return waiting.replaceAll(".* started at ", "");
  }

  @Test
  void aLockFileLeftByADeadProcessIsTakenOver() throws Exception {
    new TestRepository(root)
        .write(StateFolder.RELATIVE + "/build.lock", "999999999 2026-01-01T10:00:00Z build\n");

    assertThat(build(request().build()).verdict()).isEqualTo(Verdict.OK);
    assertThat(notices)
        .contains(
            "took over the lock left by the build of pid 999999999 started at"
                + " 2026-01-01T10:00:00Z, which ended");
  }

  @Test
  void leftoverContentThatIsNotAHolderIsTakenOverToo() throws Exception {
    new TestRepository(root).write(StateFolder.RELATIVE + "/build.lock", "garbage\n");

    assertThat(build(request().build()).verdict()).isEqualTo(Verdict.OK);
    assertThat(notices)
        .anyMatch(n -> n.startsWith("took over the lock left by the build whose process"));
  }

  @Test
  void cleanWhileABuildRunsIsRefusedAndDeletesNothing() {
    try (BuildLock running = holdLikeAnotherBuild()) {
      catchThrowableOfType(
          () -> orchestrator.clean(root, Optional.of("local")), EnvironmentException.class);

      assertThat(new StateFolder(root).buildLock()).exists();
    }
  }
}
