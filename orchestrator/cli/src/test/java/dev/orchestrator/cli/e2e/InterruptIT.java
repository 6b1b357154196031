package dev.orchestrator.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a running build stops every child process: none is left behind. */
class InterruptIT {
  @TempDir Path root;
  FixtureMonorepo repo;

  @AfterEach
  void removeImages() {
    Docker.removeNamespace(repo.namespace);
  }

  @Test
  void sigintStopsTheBuildAndLeavesNoChildProcess() throws Exception {
    repo = FixtureMonorepo.create(root);
    repo.file(
        "services/slow/Dockerfile", "FROM base\nRUN sleep 120 && echo " + repo.namespace + "\n");
    // A process started in the background by a shell without job control (as a CI runner may
    // start this build) inherits SIGINT ignored, and so would the CLI, which then rightly ignores
    // Ctrl-C too. perl (Debian's perl-base, always installed) puts SIGINT back to its default and
    // execs the CLI in its place, as a terminal's foreground job would start it.
    Process cli =
        new ProcessBuilder(
                "perl",
                "-e",
                "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\\n\"",
                javaBinary(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.orchestrator.cli.Main",
                "build",
                "slow",
                "--root",
                root.toString())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("cli.log").toFile())
            .start();

    waitFor(() -> !buildxSolves(cli).isEmpty(), Duration.ofSeconds(60), root.resolve("cli.log"));
    Docker.run(List.of("kill", "-INT", Long.toString(cli.pid()))).assertSucceeded();

    assertThat(cli.waitFor(30, TimeUnit.SECONDS)).as("the CLI exits after SIGINT").isTrue();
    assertThat(cli.exitValue()).isEqualTo(130);
    String log = Files.readString(root.resolve("cli.log"));
    assertThat(log).contains("interrupted").doesNotContain("Exception", "java.", "internal error");
    waitFor(
        () -> processesMentioning(root.toString()).isEmpty(),
        Duration.ofSeconds(10),
        root.resolve("cli.log"));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The long-running solve (buildx build or bake), not the short probes (buildx version, inspect)
   * that come and go before it: seeing a probe and signalling then would test something else.
   */
  private static List<ProcessHandle> buildxSolves(Process cli) {
    return cli.descendants()
        .filter(
            p -> {
              String line = p.info().commandLine().orElse("");
              return line.contains("buildx build") || line.contains("buildx bake");
            })
        .toList();
  }

  /** Every process whose command line names the fixture's folder (buildx gets it as context). */
  private static List<ProcessHandle> processesMentioning(String text) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(text))
        .filter(p -> !p.info().commandLine().orElse("").contains("dev.orchestrator.cli.Main"))
        .toList();
  }

  /** Polls until the condition holds once; on time-out, fails with the CLI's output so far. */
  private static void waitFor(
      java.util.function.BooleanSupplier condition, Duration limit, Path cliLog) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    boolean held = condition.getAsBoolean();
    while (!held && System.nanoTime() < deadline) {
      Thread.sleep(200);
      held = condition.getAsBoolean();
    }
    assertThat(held)
        .as("condition within %s; CLI output:%n%s", limit, Files.readString(cliLog))
        .isTrue();
  }
}
