package dev.orchestrator.core.publish;

import static dev.orchestrator.core.TestServices.from;
import static dev.orchestrator.core.TestServices.repository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.graph.GraphBuilder;
import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.graph.Planner;
import dev.orchestrator.core.graph.ServiceGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StagedMatrixTest {
  /*
   *   runtime <- jre <- api <- deep1 <- deep2
   *                  <- worker
   *   runtime <- web
   *   tool, cli (independent)        lib <- app (arm64 only)
   */
  private final ServiceGraph graph =
      GraphBuilder.build(
          repository(
              from("runtime", "scratch"),
              from("jre", "runtime"),
              from("api", "jre"),
              from("worker", "jre"),
              from("web", "runtime"),
              from("tool", "debian"),
              from("cli", "debian"),
              from("lib", "scratch"),
              from("app", "lib"),
              from("deep1", "api"),
              from("deep2", "deep1")));
  private final Plan plan = Planner.plan(graph, List.of());
  private final List<JobMatrix.Job> arches =
      JobMatrix.jobs(
          List.of("linux/amd64", "linux/arm64"),
          Path.of("buildx-profiles"),
          List.of("ci-amd64", "ci-arm64"));

  private List<StagedMatrix.Stage> stages(int stages, int shards, Map<String, List<String>> only) {
    return StagedMatrix.of(plan, graph, only, arches, stages, shards);
  }

  @Test
  void everyDependencyIsInTheSameJobOrInAnEarlierStage() {
    for (int stages = 1; stages <= 6; stages++) {
      for (int shards = 1; shards <= 4; shards++) {
        List<StagedMatrix.Stage> matrix = stages(stages, shards, Map.of());
        Map<String, Integer> stageOf = new TreeMap<>();
        Map<String, String> jobOf = new TreeMap<>();
        for (StagedMatrix.Stage stage : matrix) {
          for (StagedMatrix.StagedJob job : stage.jobs()) {
            if (job.job().arch().equals("amd64")) {
              job.services().forEach(s -> stageOf.put(s, stage.number()));
              job.services().forEach(s -> jobOf.put(s, job.name()));
            }
          }
        }
        for (String s : graph.nodes()) {
          for (String d : graph.dependenciesOf(s)) {
            String where = stages + " stages, " + shards + " shards: " + s + " needs " + d;
            assertThat(stageOf.get(d)).as(where).isLessThanOrEqualTo(stageOf.get(s));
            if (stageOf.get(d).equals(stageOf.get(s))) {
              assertThat(jobOf.get(d)).as(where).isEqualTo(jobOf.get(s));
            }
          }
        }
      }
    }
  }

  @Test
  void everyServiceIsInExactlyOneJobPerArchitectureAndShardsAreBounded() {
    for (StagedMatrix.Stage stage : stages(3, 2, Map.of())) {
      for (String arch : List.of("amd64", "arm64")) {
        assertThat(stage.jobs().stream().filter(j -> j.job().arch().equals(arch)).count())
            .isLessThanOrEqualTo(2);
      }
    }
    for (String arch : List.of("amd64", "arm64")) {
      List<String> all = new ArrayList<>();
      stages(3, 2, Map.of()).stream()
          .flatMap(s -> s.jobs().stream())
          .filter(j -> j.job().arch().equals(arch))
          .forEach(j -> all.addAll(j.services()));
      assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(graph.nodes());
    }
  }

  @Test
  void theFirstStagesTakeAWaveEachAndTheLastTheRest() {
    List<StagedMatrix.Stage> matrix = stages(3, 1, Map.of());

    assertThat(matrix).extracting(StagedMatrix.Stage::number).containsExactly(1, 2, 3);
    assertThat(matrix.get(0).waves()).containsExactly(plan.waves().get(0));
    assertThat(matrix.get(1).waves()).containsExactly(plan.waves().get(1));
    assertThat(matrix.get(2).waves()).isEqualTo(plan.waves().subList(2, plan.waves().size()));
  }

  @Test
  void aStageIsSplitByConnectedComponentsLargestFirstIntoTheLeastLoadedJob() {
    // Stage 1 is wave 1: runtime, tool, cli, lib, each alone. Stage 2 is the rest:
    // {jre, api, worker, deep1, deep2} and {web} hang on runtime, {app} on lib.
    List<StagedMatrix.Stage> matrix = stages(2, 2, Map.of());

    List<Set<String>> stage2 =
        matrix.get(1).jobs().stream()
            .filter(j -> j.job().arch().equals("amd64"))
            .map(j -> (Set<String>) new HashSet<>(j.services()))
            .toList();
    assertThat(stage2)
        .containsExactly(Set.of("jre", "api", "worker", "deep1", "deep2"), Set.of("web", "app"));
    assertThat(matrix.get(0).jobs().stream().filter(j -> j.job().arch().equals("amd64")))
        .extracting(j -> j.services().size())
        .containsExactly(2, 2);
  }

  @Test
  void aJobBuildsItsServicesInPlanOrderAndHasItsOwnDigestsFileAndArtifact() {
    StagedMatrix.StagedJob job = stages(2, 1, Map.of()).get(1).jobs().get(0);

    assertThat(job.services())
        .startsWith("jre")
        .endsWith("deep2")
        .containsSubsequence("jre", "api", "deep1", "deep2");
    assertThat(job.name()).isEqualTo("stage2-shard1-amd64");
    assertThat(job.job().digestsFile())
        .isEqualTo(".cache/orchestrator/digests-amd64-stage2-shard1.json");
    assertThat(job.job().reportFile())
        .isEqualTo(".cache/orchestrator/report-digests-amd64-stage2-shard1.json");
    assertThat(job.job().artifact()).isEqualTo("digests-amd64-stage2-shard1");
    assertThat(job.job().profile()).isEqualTo("ci-amd64");
    assertThat(job.job().runner()).isEqualTo("ubuntu-24.04");
  }

  @Test
  void aServiceIsLeftOutOfTheJobsOfAnArchitectureItDoesNotBuildFor() {
    List<StagedMatrix.Stage> matrix = stages(1, 1, Map.of("app", List.of("linux/arm64")));

    assertThat(matrix.get(0).jobs())
        .filteredOn(j -> j.job().arch().equals("amd64"))
        .singleElement()
        .satisfies(j -> assertThat(j.services()).doesNotContain("app").contains("lib"));
    assertThat(matrix.get(0).jobs())
        .filteredOn(j -> j.job().arch().equals("arm64"))
        .singleElement()
        .satisfies(j -> assertThat(j.services()).contains("app", "lib"));
  }

  @Test
  void stagesBeyondThePlansWavesAreEmpty() {
    List<StagedMatrix.Stage> matrix = stages(8, 1, Map.of());

    assertThat(matrix).hasSize(8);
    assertThat(matrix.get(4).jobs()).isNotEmpty();
    assertThat(matrix.subList(5, 8)).allSatisfy(s -> assertThat(s.jobs()).isEmpty());
  }

  @Test
  void fewerThanOneStageOrShardIsRefused() {
    assertThatThrownBy(() -> stages(0, 1, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> stages(1, 0, Map.of())).isInstanceOf(ConfigurationException.class);
  }
}
