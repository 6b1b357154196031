package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every subcommand answers --help; completion covers them all; a wrong profile fails each one. */
class CommandLineHelpTest {
  @TempDir Path root;

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        CliFactory.create(new PrintWriter(out, true), new PrintWriter(err, true), false)
            .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static List<String> subcommands() {
    StringWriter sink = new StringWriter();
    CommandLine cli = CliFactory.create(new PrintWriter(sink), new PrintWriter(sink), false);
    return List.copyOf(cli.getSubcommands().keySet());
  }

  private Run runAsMain(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        CliFactory.forArguments(new PrintWriter(out, true), new PrintWriter(err, true), false, args)
            .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void mainModellingOnlyTheNamedSubcommandAnswersAsTheWholeModelDoes() {
    List<List<String>> argumentLists = new ArrayList<>();
    for (String command : subcommands()) {
      argumentLists.add(List.of(command, "--help"));
      argumentLists.add(List.of(command, "--version"));
      argumentLists.add(List.of(command, "--no-such-option"));
    }
    argumentLists.add(List.of());
    argumentLists.add(List.of("--help"));
    argumentLists.add(List.of("biuld"));
    argumentLists.add(List.of("plan", "--root", root.toString(), "--profile", "nope"));
    for (List<String> args : argumentLists) {
      String[] array = args.toArray(String[]::new);

      assertThat(runAsMain(array)).as("%s", args).isEqualTo(run(array));
    }
  }

  @Test
  void everySubcommandAnswersHelpWithItsUsageAndTheExitCodes() {
    assertThat(subcommands())
        .contains(
            "list",
            "graph",
            "plan",
            "build",
            "lint",
            "verify",
            "affected",
            "clean",
            "matrix",
            "merge",
            "profiles",
            "completion");
    for (String command : subcommands()) {
      for (String help : List.of("--help", "-h")) {
        Run run = run(command, help);

        assertThat(run.exit()).as("%s %s: %s", command, help, run.err()).isZero();
        assertThat(run.out())
            .as(command)
            .startsWith("Usage: orchestrator " + command)
            .contains("Exit codes:", "130  interrupted");
        assertThat(run.err()).as(command).isEmpty();
      }
    }
    assertThat(run("--help").exit()).isZero();
    assertThat(run("build", "--version").out()).startsWith("orchestrator 0.1.0");
  }

  @Test
  void completionCompletesEverySubcommandAndItsOptions() {
    Run run = run("completion");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("complete -F");
    for (String command : subcommands()) {
      assertThat(run.out()).as(command).contains(command);
    }
    assertThat(run.out()).contains("--profile", "--registry", "--dry-run", "--changed-since");
  }

  @Test
  void anUnknownProfileIsABadConfigurationInEveryCommandThatTakesOne() throws IOException {
    Files.createDirectories(root.resolve("services/api"));
    Files.writeString(root.resolve("services/api/Dockerfile"), "FROM scratch\n");
    List<List<String>> commands =
        List.of(
            List.of("list"),
            List.of("graph"),
            List.of("plan"),
            List.of("build", "--dry-run"),
            List.of("build", "--explain", "api"),
            List.of("lint"),
            List.of("verify"),
            List.of("affected", "--since", "HEAD"),
            List.of("clean"),
            List.of("matrix"),
            List.of("merge", "--dry-run", root.toString()),
            List.of("profiles"),
            List.of("init"));
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.addAll(List.of("--root", root.toString(), "--profile", "nonexistent"));

      Run run = run(args.toArray(String[]::new));

      assertThat(run.exit()).as("%s: %s", command, run.err()).isEqualTo(ExitCodes.CONFIGURATION);
      assertThat(run.err())
          .as(command.toString())
          .contains(
              "unknown profile 'nonexistent'; available: ci, ci-amd64, ci-arm64, local, release");
    }
  }

  @Test
  void profilesListsTheBuiltInOnesAndTheFilesOverridingThem() throws IOException {
    Files.createDirectories(root.resolve("buildx-profiles"));
    Files.writeString(root.resolve("buildx-profiles/local.yaml"), "jobs: 4\nnamespace: acme\n");
    Files.writeString(root.resolve("buildx-profiles/staging.yaml"), "output: push\n");

    Run run = run("profiles", "--root", root.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "ci           built-in",
            "ci-amd64     built-in",
            "ci-arm64     built-in",
            "local        built-in, overridden by buildx-profiles/local.yaml: jobs, namespace",
            "release      built-in",
            "staging      buildx-profiles/staging.yaml");
  }

  @Test
  void matrixWithoutAProfileListsTheCiJobsOfBothArchitectures() {
    Run run = run("matrix", "--root", root.toString(), "--format", "json");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("\"profile\": \"ci-amd64\"", "\"profile\": \"ci-arm64\"")
        .doesNotContain("\"profile\": \"local\"");
  }

  @Test
  void aPushingBuiltInProfileWithoutARegistryTellsWhereToGiveIt() throws IOException {
    Files.createDirectories(root.resolve("services/api"));
    Files.writeString(root.resolve("services/api/Dockerfile"), "FROM scratch\n");

    Run missing = run("build", "--dry-run", "--root", root.toString(), "--profile", "ci-amd64");
    Run given =
        run(
            "build",
            "--dry-run",
            "--root",
            root.toString(),
            "--profile",
            "ci-amd64",
            "--registry",
            "127.0.0.1:5012/team");

    assertThat(missing.exit()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(missing.err())
        .contains(
            "built-in profile ci-amd64: 'registry' is required when output is push or"
                + " push-by-digest (give it with --registry HOST[/PATH] or the"
                + " ORCHESTRATOR_REGISTRY variable");
    assertThat(given.exit()).as(given.err()).isZero();
    assertThat(given.out())
        .contains(
            "name=127.0.0.1:5012/team/monorepo/api:ci-amd64",
            "ref=127.0.0.1:5012/team/cache/api:amd64");
  }
}
