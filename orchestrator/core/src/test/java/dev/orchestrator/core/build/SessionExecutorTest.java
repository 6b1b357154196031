package dev.orchestrator.core.build;

import static dev.orchestrator.core.TestServices.from;
import static dev.orchestrator.core.TestServices.repository;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.discovery.Repository;
import dev.orchestrator.core.engine.StubEngine;
import dev.orchestrator.core.graph.GraphBuilder;
import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.graph.Planner;
import dev.orchestrator.core.graph.ServiceGraph;
import dev.orchestrator.core.process.Command;
import dev.orchestrator.core.process.RecordingCommandRunner;
import dev.orchestrator.core.progress.BuildListener;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.BuildStatus;
import dev.orchestrator.core.result.ServiceResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduling in BuildKit sessions, with bake replaced by a script that reads each definition. */
class SessionExecutorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Repository repo =
      repository(
          from("b", "scratch"),
          from("ok", "b"),
          from("bad", "b"),
          from("leaf", "b"),
          from("after", "bad"));
  private final ServiceGraph graph = GraphBuilder.build(repo);
  private final Plan plan = Planner.plan(graph, List.of());
  private final List<List<String>> sessions = Collections.synchronizedList(new ArrayList<>());
  @TempDir Path root;

  private BuildReport run(int jobs, boolean failFast, Function<List<String>, Integer> exit) {
    RecordingCommandRunner runner = new RecordingCommandRunner();
    runner.answer(List.of("docker", "buildx", "bake"), command -> bake(command, exit));
    return run(runner, jobs, failFast);
  }

  /** The whole plan through the executor with this runner, the local profile without a cache. */
  private BuildReport run(RecordingCommandRunner runner, int jobs, boolean failFast) {
    Profile profile =
        Profile.builder("local")
            .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
            .build();
    BuildSettings settings =
        new BuildSettings(root, profile, List.of("linux/amd64"), jobs, failFast);
    return new BuildExecutor(settings, new StubEngine(), runner, BuildListener.NONE)
        .run(plan, graph, repo.byName(), Map.of());
  }

  /** Answers a bake: the recorded output of a failing "bad" when bad is built with others. */
  private dev.orchestrator.core.process.ProcessResult bake(
      Command command, Function<List<String>, Integer> exit) {
    List<String> targets = targets(command);
    sessions.add(targets);
    List<String> output = new ArrayList<>();
    int code = exit.apply(targets);
    if (code != 0 && targets.contains("bad") && targets.size() > 1) {
      output.addAll(recorded());
    } else {
      for (int i = 0; i < targets.size(); i++) {
        output.add("#" + (i + 10) + " [" + targets.get(i) + " 1/1] RUN step");
        output.add(code != 0 ? "#" + (i + 10) + " ERROR: exit code: 3" : "#" + (i + 10) + " DONE");
      }
    }
    return RecordingCommandRunner.result(command, code, output);
  }

  private static List<String> targets(Command command) {
    Path file = Path.of(command.argv().get(command.argv().indexOf("--file") + 1));
    try {
      JsonNode def = JSON.readTree(file.toFile());
      List<String> names = new ArrayList<>();
      def.path("group").path("default").path("targets").forEach(n -> names.add(n.asText()));
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> recorded() {
    try (InputStream in = getClass().getResourceAsStream("/build/bake-one-member-failing.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A session executor of this width, wired as BuildExecutor wires its own. */
  private static SessionExecutor sessionsOf(
      BuildSettings settings, RecordingCommandRunner runner, int width) {
    BuildExecutor real = new BuildExecutor(settings, new StubEngine(), runner, BuildListener.NONE);
    return new SessionExecutor(
        settings,
        runner,
        BuildListener.NONE,
        new ServiceBuild(settings, new StubEngine(), runner, BuildListener.NONE),
        width,
        real::namedContexts);
  }

  private static Map<String, BuildStatus> statuses(BuildReport report) {
    return report.services().stream()
        .collect(Collectors.toMap(ServiceResult::name, ServiceResult::status));
  }

  @Test
  void buildxIsAskedOnceBeforeTheFirstSessionAndNotAtAllWhenNothingIsToBeBuilt() {
    java.util.concurrent.atomic.AtomicInteger asked =
        new java.util.concurrent.atomic.AtomicInteger();
    StubEngine engine =
        new StubEngine() {
          @Override
          public void requireBuilder(List<String> platforms) {
            asked.incrementAndGet();
          }
        };
    RecordingCommandRunner runner = new RecordingCommandRunner();
    runner.answer(List.of("docker", "buildx", "bake"), command -> bake(command, t -> 0));
    Profile profile =
        Profile.builder("local")
            .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
            .build();
    BuildSettings settings = new BuildSettings(root, profile, List.of("linux/amd64"), 2, false);
    BuildExecutor executor = new BuildExecutor(settings, engine, runner, BuildListener.NONE);
    // b failed beforehand (say, in Maven): everything else depends on it, nothing is built.
    ServiceResult failed =
        executor.failure(
            repo.byName().get("b"), java.time.Duration.ZERO, "maven failed", List.of());

    executor.run(plan, graph, repo.byName(), Map.of("b", failed));
    assertThat(asked).hasValue(0);
    assertThat(sessions).isEmpty();

    new BuildExecutor(settings, engine, runner, BuildListener.NONE)
        .run(plan, graph, repo.byName(), Map.of());
    assertThat(asked).hasValue(1);
    assertThat(sessions).hasSize(1);
  }

  @Test
  void bakeRunsWithoutGitInformationUnlessAProvenanceAttestationCarriesIt() {
    RecordingCommandRunner runner = new RecordingCommandRunner();
    runner.answer(List.of("docker", "buildx", "bake"), command -> bake(command, t -> 0));
    run(runner, 2, false);
    assertThat(runner.commands())
        .extracting(Command::environment)
        .containsExactly(Map.of("BUILDX_GIT_INFO", "false"));

    Profile withProvenance =
        Profile.builder("ci")
            .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
            .attestations(new Profile.Attestations(Profile.ProvenanceMode.MIN, false))
            .build();
    BuildSettings settings =
        new BuildSettings(root, withProvenance, List.of("linux/amd64"), 2, false);
    assertThat(settings.buildxEnvironment()).isEmpty();
    assertThat(settings.withBuildxEnvironment(List.of("docker", "buildx", "bake")))
        .containsExactly("docker", "buildx", "bake");
  }

  @Test
  void everythingBuildsInOneSessionWhenItFits() {
    BuildReport report = run(2, false, t -> 0);

    assertThat(sessions).containsExactly(List.of("b", "bad", "after", "leaf", "ok"));
    assertThat(statuses(report)).containsOnlyKeys("b", "ok", "bad", "leaf", "after");
    assertThat(statuses(report).values()).containsOnly(BuildStatus.BUILT);
  }

  @Test
  void theProfilesSessionWidthBoundsEverySession() {
    RecordingCommandRunner runner = new RecordingCommandRunner();
    runner.answer(List.of("docker", "buildx", "bake"), command -> bake(command, t -> 0));
    Profile profile =
        Profile.builder("local")
            .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
            .sessionWidth(2)
            .build();
    BuildSettings settings = new BuildSettings(root, profile, List.of("linux/amd64"), 2, false);

    BuildReport report =
        new BuildExecutor(settings, new StubEngine(), runner, BuildListener.NONE)
            .run(plan, graph, repo.byName(), Map.of());

    assertThat(statuses(report).values()).containsOnly(BuildStatus.BUILT);
    assertThat(sessions)
        .hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(s -> assertThat(s).hasSizeLessThanOrEqualTo(2));
    assertThat(sessions.stream().flatMap(List::stream))
        .containsExactlyInAnyOrder("b", "ok", "bad", "leaf", "after");
  }

  @Test
  void membersWithoutStepsOfTheirOwnAreCachedWhenTheWholeSessionWas() {
    RecordingCommandRunner runner = new RecordingCommandRunner();
    // BuildKit named every shared vertex after "after": the others have no lines of their own.
    runner.answer(
        List.of("docker", "buildx", "bake"),
        command ->
            RecordingCommandRunner.result(
                command,
                0,
                List.of(
                    "#10 [after 1/2] RUN one",
                    "#10 CACHED",
                    "#11 [after 2/2] RUN two",
                    "#11 CACHED")));

    BuildReport report = run(runner, 1, false);

    assertThat(statuses(report).values()).containsOnly(BuildStatus.CACHED);
  }

  @Test
  void aFailingMemberFailsAloneItsDependentIsSkippedAndTheOthersAreBuiltAgain() {
    BuildReport report = run(2, false, t -> t.contains("bad") ? 1 : 0);

    assertThat(statuses(report))
        .containsEntry("b", BuildStatus.BUILT)
        .containsEntry("ok", BuildStatus.BUILT)
        .containsEntry("leaf", BuildStatus.BUILT)
        .containsEntry("bad", BuildStatus.FAILED)
        .containsEntry("after", BuildStatus.SKIPPED);
    ServiceResult bad =
        report.services().stream().filter(r -> r.name().equals("bad")).findFirst().orElseThrow();
    assertThat(bad.message()).isEqualTo("docker buildx bake exited with 1: exit code: 3");
    assertThat(bad.outputTail()).contains("#10 [bad 1/1] RUN step");
    // bad's failing step might have been its base's (a dependent's solve holds its in-session
    // bases' steps), so bad and its base are retried alone; the others are built again together.
    assertThat(sessions.get(0)).containsExactly("b", "bad", "after", "leaf", "ok");
    assertThat(sessions.subList(1, sessions.size()))
        .contains(List.of("b"), List.of("bad"))
        .anyMatch(s -> s.containsAll(List.of("ok", "leaf")) && !s.contains("bad"))
        .noneMatch(s -> s.contains("after"));
  }

  @Test
  void aSessionThatARegistryAnsweredWith500IsRunOnceMoreAndThenCountsAsItEnds() {
    java.util.concurrent.atomic.AtomicInteger attempts =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean always =
        new java.util.concurrent.atomic.AtomicBoolean();
    String hiccup =
        "ERROR: unexpected status from HEAD request to http://127.0.0.1:5000/v2/ns/b/manifests/"
            + "latest: 500 Internal Server Error";
    RecordingCommandRunner runner = new RecordingCommandRunner();
    runner.answer(
        List.of("docker", "buildx", "bake"),
        command -> {
          sessions.add(targets(command));
          return attempts.incrementAndGet() == 1 || always.get()
              ? RecordingCommandRunner.result(command, 1, List.of(hiccup))
              : bake(command, t -> 0);
        });

    BuildReport report = run(runner, 2, false);

    assertThat(statuses(report).values()).containsOnly(BuildStatus.BUILT);
    assertThat(sessions).hasSize(3).startsWith(sessions.get(0), sessions.get(0));
    // Once more only: a registry that keeps answering 500 fails the build with its words.
    always.set(true);
    sessions.clear();
    BuildReport failed = run(runner, 2, false);
    assertThat(statuses(failed)).containsEntry("b", BuildStatus.FAILED);
    ServiceResult b =
        failed.services().stream().filter(r -> r.name().equals("b")).findFirst().orElseThrow();
    assertThat(b.message()).contains("500 Internal Server Error");
    // The session, then b alone (its members are retried alone after a failure), each twice.
    assertThat(sessions).hasSize(4);
  }

  @Test
  void aWidthOfTwoBuildsAtMostTwoServicesPerSession() {
    Profile profile =
        Profile.builder("local")
            .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
            .build();
    BuildSettings settings = new BuildSettings(root, profile, List.of("linux/amd64"), 1, false);
    RecordingCommandRunner runner = new RecordingCommandRunner();
    runner.answer(List.of("docker", "buildx", "bake"), command -> bake(command, t -> 0));
    sessionsOf(settings, runner, 2).run(plan, graph, repo.byName(), Map.of());

    assertThat(sessions).allMatch(s -> s.size() <= 2).hasSize(3);
    assertThat(sessions.get(0)).containsExactly("b", "bad");
  }

  @Test
  void aPushByDigestSessionWiresBasesOfEarlierSessionsByTheDigestBakeWrote() {
    Profile ci =
        Profile.builder("ci-amd64")
            .output(Profile.Output.PUSH_BY_DIGEST)
            .registry(java.util.Optional.of("127.0.0.1:1"))
            .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
            .build();
    BuildSettings settings = new BuildSettings(root, ci, List.of("linux/amd64"), 1, false);
    List<String> definitions = Collections.synchronizedList(new ArrayList<>());
    RecordingCommandRunner runner = new RecordingCommandRunner();
    runner.answer(
        List.of("docker", "buildx", "bake"),
        command -> {
          List<String> argv = command.argv();
          Path file = Path.of(argv.get(argv.indexOf("--file") + 1));
          Path metadata = Path.of(argv.get(argv.indexOf("--metadata-file") + 1));
          StringBuilder json = new StringBuilder("{");
          List<String> targets = targets(command);
          for (int i = 0; i < targets.size(); i++) {
            json.append(i == 0 ? "" : ",")
                .append('"')
                .append(targets.get(i))
                .append("\": {\"containerimage.digest\": \"sha256:")
                .append(String.valueOf((char) ('a' + targets.get(i).length())).repeat(64))
                .append("\"}");
          }
          try {
            definitions.add(java.nio.file.Files.readString(file));
            java.nio.file.Files.writeString(metadata, json.append("}").toString());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return RecordingCommandRunner.result(command, 0, List.of());
        });
    BuildReport report = sessionsOf(settings, runner, 1).run(plan, graph, repo.byName(), Map.of());

    assertThat(statuses(report).values()).containsOnly(BuildStatus.BUILT);
    // The fake bake writes digests of a letter after the target name's length: "b" gets 'b's.
    String bByDigest = "docker-image://127.0.0.1:1/monorepo/b@sha256:" + "b".repeat(64);
    assertThat(definitions.get(0)).contains("\"b\" : {").doesNotContain("docker-image://");
    assertThat(definitions.subList(1, definitions.size()))
        .filteredOn(d -> d.contains("\"ok\" : {"))
        .singleElement()
        .asString()
        .contains("\"b\" : \"" + bByDigest + "\"");
    assertThat(report.services())
        .filteredOn(r -> r.name().equals("ok"))
        .singleElement()
        .extracting(r -> r.platforms().get(0).digest())
        .isEqualTo(java.util.Optional.of("sha256:" + "c".repeat(64))); // two letters: 'c'
  }

  @Test
  void failFastStartsNoSessionAfterTheFirstFailure() {
    BuildReport report = run(1, true, t -> t.contains("bad") ? 1 : 0);

    assertThat(sessions)
        .containsExactly(List.of("b", "bad", "after", "leaf", "ok"), List.of("b"), List.of("bad"));
    assertThat(statuses(report))
        .containsEntry("b", BuildStatus.BUILT)
        .containsEntry("bad", BuildStatus.FAILED)
        .containsEntry("ok", BuildStatus.SKIPPED)
        .containsEntry("leaf", BuildStatus.SKIPPED)
        .containsEntry("after", BuildStatus.SKIPPED);
    assertThat(report.services().stream().filter(r -> r.name().equals("ok")).findFirst())
        .get()
        .extracting(ServiceResult::message)
        .isEqualTo("--fail-fast: stopped after the first failure");
  }

  @Test
  void aDryRunShowsEachSessionsCommandAndDefinition() {
    Profile profile =
        Profile.builder("local")
            .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
            .build();
    BuildSettings settings = new BuildSettings(root, profile, List.of("linux/amd64"), 2, false);
    Map<String, List<String>> commands =
        new BuildExecutor(
                settings, new StubEngine(), new RecordingCommandRunner(), BuildListener.NONE)
            .dryRun(plan, graph, repo.byName());

    Path state = root.resolve(".cache/orchestrator/bake");
    assertThat(commands).containsOnlyKeys("bake batch 1", "bake batch 1 definition");
    assertThat(commands.get("bake batch 1"))
        .containsExactly(
            "BUILDX_GIT_INFO=false",
            "docker",
            "buildx",
            "bake",
            "--file",
            state.resolve("batch-1.json").toString(),
            "--progress=rawjson",
            "--metadata-file",
            state.resolve("batch-1.metadata.json").toString());
    assertThat(commands.get("bake batch 1 definition").get(0))
        .contains("\"targets\" : [ \"b\", \"bad\", \"after\", \"leaf\", \"ok\" ]")
        .contains("\"b\" : \"target:b\"")
        .contains("\"bad\" : \"target:bad\"");
    assertThat(state).doesNotExist();
  }
}
