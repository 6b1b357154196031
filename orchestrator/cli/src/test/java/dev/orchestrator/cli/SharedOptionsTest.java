package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options every command shares are checked on the command line, before any command runs: a
 * usage error (exit 2) naming the option, never a failure at build time.
 */
class SharedOptionsTest {
  @TempDir Path root;

  private record Run(int exit, String err) {}

  private Run run(String... args) {
    StringWriter err = new StringWriter();
    PrintWriter e = new PrintWriter(err, true);
    int exit =
        CliFactory.create(new PrintWriter(new StringWriter(), true), e, false)
            .execute(withRoot(args));
    return new Run(exit, err.toString());
  }

  private String[] withRoot(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--root", root.toString()));
    return all.toArray(String[]::new);
  }

  @Test
  void jobsBelowOneIsAUsageErrorNamingTheOption() {
    for (String command : List.of("build", "verify", "plan")) {
      for (String jobs : List.of("0", "-1")) {
        Run run = run(command, "--jobs", jobs);

        assertThat(run.exit()).as("%s --jobs %s", command, jobs).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--jobs", "'" + jobs + "' must be at least 1");
      }
    }
  }

  @Test
  void jobsThatIsNotANumberIsAUsageError() {
    Run run = run("build", "--jobs", "many");

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--jobs", "'many' is not a whole number");
  }

  @Test
  void aPlatformWithShellCharactersIsAUsageErrorNamingTheOption() {
    Run run = run("plan", "--platform", "linux/amd64;$(id)");

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains(
            "--platform", "'linux/amd64;$(id)' is not a platform (os/arch[/variant], or host)");
  }

  @Test
  void aPlatformOfAnUnknownArchitectureIsAUsageErrorSayingWhichAreKnown() {
    Run run = run("build", "--dry-run", "--platform", "linux/amd64,linux/amd65");

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains("--platform", "unknown architecture 'amd65' (known: amd64, arm64, arm, 386");
  }

  @Test
  void anEmptyPlatformIsAUsageError() {
    Run run = run("build", "--dry-run", "--platform", "");

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--platform", "expected os/arch[/variant]");
  }

  @Test
  void hostAndKnownPlatformsPassTheCommandLine() {
    // No repository at the root: past the command line, the command itself fails (not exit 2).
    Run run = run("plan", "--platform", "host,linux/arm/v7,linux/arm64/v8", "--jobs", "3");

    assertThat(run.exit()).isNotEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).doesNotContain("--platform", "--jobs");
  }
}
