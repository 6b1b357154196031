package dev.orchestrator.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.EnvironmentException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real runner, on real processes. */
class SystemCommandRunnerTest {
  @TempDir Path dir;

  @Test
  void childrenGetExactlyTheRunnersEnvironmentAndTheirCommandsOwn() {
    SystemCommandRunner runner =
        new SystemCommandRunner(Map.of("PATH", System.getenv("PATH"), "DOCKER_HOST", "unix:///x"));

    ProcessResult result =
        runner.run(
            new Command(List.of("env"), dir, Map.of("EXTRA", "1"), Optional.empty()), l -> {});

    assertThat(result.output())
        .contains("DOCKER_HOST=unix:///x", "EXTRA=1")
        .noneMatch(line -> line.startsWith("HOME="));
  }

  @Test
  void argumentsReachTheProgramLiterallyWithNoShellInBetween() {
    ProcessResult result =
        SystemCommandRunner.inheritingEnvironment()
            .run(List.of("printf", "%s\n", "$(id) ; rm -rf x"), dir);

    assertThat(result.output()).containsExactly("$(id) ; rm -rf x");
  }

  @Test
  void aNonZeroExitIsDataWithTheOutputStreamedLineByLine() {
    List<String> streamed = new ArrayList<>();

    ProcessResult result =
        SystemCommandRunner.inheritingEnvironment()
            .run(
                Command.of(List.of("sh", "-c", "echo one; echo two >&2; exit 3"), dir),
                streamed::add);

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.succeeded()).isFalse();
    assertThat(streamed).containsExactly("one", "two");
    assertThat(result.tail(1)).containsExactly("two");
  }

  @Test
  void aProgramThatCannotStartIsAnEnvironmentErrorNamingIt() {
    assertThatThrownBy(
            () ->
                SystemCommandRunner.inheritingEnvironment()
                    .run(List.of("no-such-program-here"), dir))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("cannot start no-such-program-here");
  }

  @Test
  void aCommandPastItsTimeLimitIsStoppedAndSaysSo() {
    long start = System.nanoTime();

    ProcessResult result =
        SystemCommandRunner.inheritingEnvironment()
            .run(
                Command.of(List.of("sleep", "30"), dir).withTimeLimit(Duration.ofMillis(300)),
                l -> {});

    assertThat(result.timedOut()).isTrue();
    assertThat(result.succeeded()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void stopAllStopsEveryLiveChildAndForgetsIt() throws Exception {
    SystemCommandRunner runner = SystemCommandRunner.inheritingEnvironment();
    CompletableFuture<ProcessResult> running =
        CompletableFuture.supplyAsync(() -> runner.run(List.of("sleep", "30"), dir));
    while (runner.liveChildren() == 0) {
      Thread.sleep(10);
    }

    runner.stopAll();

    ProcessResult result = running.get(20, TimeUnit.SECONDS);
    assertThat(result.succeeded()).isFalse();
    assertThat(runner.liveChildren()).isZero();
  }
}
