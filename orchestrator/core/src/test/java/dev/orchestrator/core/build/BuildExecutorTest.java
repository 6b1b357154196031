package dev.orchestrator.core.build;

import static dev.orchestrator.core.TestServices.from;
import static dev.orchestrator.core.TestServices.repository;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.discovery.Repository;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.OfflineEngine;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.OrchestratorBug;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.graph.GraphBuilder;
import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.graph.Planner;
import dev.orchestrator.core.graph.ServiceGraph;
import dev.orchestrator.core.process.SystemCommandRunner;
import dev.orchestrator.core.progress.BuildEvent;
import dev.orchestrator.core.progress.BuildListener;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.BuildStatus;
import dev.orchestrator.core.result.ServiceResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Scheduling and failure propagation, with the buildx step replaced by a recorder. */
class BuildExecutorTest {
  private final Repository repo =
      repository(
          from("base", "scratch"),
          from("jre", "base"),
          from("app", "jre"),
          from("web", "jre"),
          from("lone", "scratch"),
          from("tool", "base"));
  private final ServiceGraph graph = GraphBuilder.build(repo);
  private final Plan plan = Planner.plan(graph, List.of());
  private final List<String> started = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger maxRunning = new AtomicInteger();
  private final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());

  private BuildExecutor executor(int jobs, boolean failFast, Set<String> failing) {
    return executor(jobs, failFast, failing, null);
  }

  /**
   * @param crash replaces the result of the recorded build for every service, or null
   */
  private BuildExecutor executor(
      int jobs,
      boolean failFast,
      Set<String> failing,
      BiFunction<Service, ServiceResult, ServiceResult> crash) {
    Profile profile =
        Profile.builder("local")
            .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
            .jobs(jobs)
            .build();
    BuildSettings settings =
        new BuildSettings(Path.of("/repo"), profile, List.of("linux/amd64"), jobs, failFast);
    ServiceBuild real =
        new ServiceBuild(
            settings,
            new OfflineEngine("scheduling tests"),
            SystemCommandRunner.inheritingEnvironment(),
            BuildListener.NONE);
    BiFunction<Service, Map<String, String>, ServiceResult> fake =
        (service, contexts) -> {
          started.add(service.name());
          maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
          try {
            Thread.sleep(30);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          running.decrementAndGet();
          BuildStatus status =
              failing.contains(service.name()) ? BuildStatus.FAILED : BuildStatus.BUILT;
          ServiceResult result =
              real.withStatus(service, status, Duration.ofMillis(30), "", List.of());
          return crash == null ? result : crash.apply(service, result);
        };
    return new BuildExecutor(
        settings, SystemCommandRunner.inheritingEnvironment(), events::add, real, fake);
  }

  private BuildReport run(BuildExecutor executor) {
    return executor.run(plan, graph, repo.byName(), Map.of());
  }

  private static Map<String, BuildStatus> statuses(BuildReport report) {
    Map<String, BuildStatus> map = new ConcurrentHashMap<>();
    report.services().forEach(s -> map.put(s.name(), s.status()));
    return map;
  }

  @Test
  void everyServiceStartsAfterItsDependenciesAndConcurrencyIsBounded() {
    BuildReport report = run(executor(2, false, Set.of()));

    assertThat(report.anyFailed()).isFalse();
    assertThat(started.indexOf("base")).isLessThan(started.indexOf("jre"));
    assertThat(started.indexOf("jre")).isLessThan(started.indexOf("app"));
    assertThat(maxRunning.get()).isLessThanOrEqualTo(2);
    assertThat(report.services())
        .extracting(ServiceResult::name)
        .containsExactlyElementsOf(plan.services());
  }

  @Test
  void theLongestChainStartsFirst() {
    run(executor(1, false, Set.of()));

    assertThat(started.get(0)).isEqualTo("base");
    assertThat(started.get(1)).isEqualTo("jre");
  }

  @Test
  void aFailureSkipsExactlyItsDependentsAndIndependentServicesStillBuild() {
    BuildReport report = run(executor(2, false, Set.of("jre")));

    assertThat(statuses(report))
        .containsEntry("jre", BuildStatus.FAILED)
        .containsEntry("app", BuildStatus.SKIPPED)
        .containsEntry("web", BuildStatus.SKIPPED)
        .containsEntry("tool", BuildStatus.BUILT)
        .containsEntry("lone", BuildStatus.BUILT);
    assertThat(started).doesNotContain("app", "web");
    assertThat(
            report.services().stream()
                .filter(s -> s.name().equals("app"))
                .findFirst()
                .orElseThrow()
                .message())
        .isEqualTo("dependency jre failed");
  }

  @Test
  void failFastStartsNothingAfterTheFirstFailure() {
    BuildReport report = run(executor(1, true, Set.of("base")));

    assertThat(started).containsExactly("base");
    assertThat(statuses(report).values()).containsOnly(BuildStatus.FAILED, BuildStatus.SKIPPED);
    assertThat(report.anyFailed()).isTrue();
  }

  /** A fake whose build of {@code service} throws {@code thrown}; the others build. */
  private BuildExecutor throwingFor(String service, RuntimeException thrown) {
    return executor(
        2,
        false,
        Set.of(),
        (s, result) -> {
          if (s.name().equals(service)) {
            throw thrown;
          }
          return result;
        });
  }

  private static ServiceResult resultOf(BuildReport report, String service) {
    return report.services().stream()
        .filter(s -> s.name().equals(service))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aTaskThatThrowsFailsOnlyItsServiceAndSkipsItsDependents() {
    BuildReport report = run(throwingFor("jre", new IllegalStateException("no such state")));

    assertThat(statuses(report))
        .containsEntry("base", BuildStatus.BUILT)
        .containsEntry("jre", BuildStatus.FAILED)
        .containsEntry("app", BuildStatus.SKIPPED)
        .containsEntry("web", BuildStatus.SKIPPED);
    assertThat(started).doesNotContain("app", "web");
    assertThat(report.interrupted()).isFalse();
    assertThat(resultOf(report, "app").message()).isEqualTo("dependency jre failed");
  }

  @Test
  void anIndependentServiceStillBuildsWhenAnotherTaskThrows() {
    BuildReport report = run(throwingFor("base", new IllegalStateException("no such state")));

    assertThat(statuses(report))
        .containsEntry("base", BuildStatus.FAILED)
        .containsEntry("lone", BuildStatus.BUILT)
        .containsEntry("jre", BuildStatus.SKIPPED)
        .containsEntry("tool", BuildStatus.SKIPPED);
    assertThat(started).contains("lone");
  }

  @Test
  void aCrashIsItsServicesFailureSayingItIsABugToReportWithoutAJavaClassName() {
    BuildReport report = run(throwingFor("base", new IllegalStateException("no such state")));

    assertThat(resultOf(report, "base").message())
        .startsWith("internal error: no such state")
        .contains("this is a bug", OrchestratorBug.TRACKER)
        .doesNotContain("java.lang", "IllegalStateException");
  }

  private List<String> outputOf(String service) {
    return events.stream()
        .filter(e -> e instanceof BuildEvent.Output o && o.service().equals(service))
        .map(e -> ((BuildEvent.Output) e).line())
        .toList();
  }

  @Test
  void aCrashsStackTraceIsItsServicesOutputForVerboseRunsOnly() {
    run(throwingFor("base", new IllegalStateException("no such state")));

    assertThat(outputOf("base"))
        .first(as(STRING))
        .isEqualTo("java.lang.IllegalStateException: no such state");
    assertThat(outputOf("lone")).isEmpty();
  }

  @Test
  void aConfigurationErrorInABuildTaskShowsNoStackTrace() {
    run(
        throwingFor(
            "jre",
            new ConfigurationException(
                Problem.inFile(Path.of("/repo/services/jre/.dockerignore"), "is not UTF-8 text"))));

    assertThat(outputOf("jre")).isEmpty();
  }

  @Test
  void aConfigurationErrorInABuildTaskFailsItsServiceWithTheFileAndTheProblem() {
    ConfigurationException bad =
        new ConfigurationException(
            Problem.inFile(Path.of("/repo/services/jre/.dockerignore"), "is not UTF-8 text"));

    BuildReport report = run(throwingFor("jre", bad));

    assertThat(resultOf(report, "jre").status()).isEqualTo(BuildStatus.FAILED);
    assertThat(resultOf(report, "jre").message())
        .startsWith("bad configuration: ")
        .contains("/repo/services/jre/.dockerignore", "is not UTF-8 text");
    assertThat(statuses(report)).containsEntry("lone", BuildStatus.BUILT);
  }

  @Test
  void anEnvironmentErrorInABuildTaskFailsItsServiceWithTheRemedy() {
    EnvironmentException full =
        new EnvironmentException("cannot write /repo/.cache/orchestrator", "Free disk space.");

    BuildReport report = run(throwingFor("tool", full));

    assertThat(resultOf(report, "tool").status()).isEqualTo(BuildStatus.FAILED);
    assertThat(resultOf(report, "tool").message())
        .isEqualTo("cannot write /repo/.cache/orchestrator (Free disk space.)");
    assertThat(statuses(report)).containsEntry("app", BuildStatus.BUILT);
  }

  @Test
  void aCrashWhileTheRunIsStoppedIsAnInterruptionNotACrash() {
    Thread caller = Thread.currentThread();
    BuildExecutor executor =
        executor(
            1,
            false,
            Set.of(),
            (service, result) -> {
              caller.interrupt();
              throw new IllegalStateException("a child was killed under it");
            });

    BuildReport report;
    try {
      report = run(executor);
    } finally {
      Thread.interrupted();
    }

    assertThat(report.interrupted()).isTrue();
    assertThat(statuses(report).values()).containsOnly(BuildStatus.SKIPPED);
  }

  @Test
  void aFailureBeforehandSkipsDependentsWithoutBuildingThem() {
    BuildExecutor executor = executor(2, false, Set.of());
    Service jre = repo.byName().get("jre");
    ServiceResult mavenFailed = executor.failure(jre, Duration.ZERO, "Maven failed", List.of("x"));

    BuildReport report = executor.run(plan, graph, repo.byName(), Map.of("jre", mavenFailed));

    assertThat(started).doesNotContain("jre", "app", "web");
    assertThat(statuses(report))
        .containsEntry("jre", BuildStatus.FAILED)
        .containsEntry("app", BuildStatus.SKIPPED);
  }
}
