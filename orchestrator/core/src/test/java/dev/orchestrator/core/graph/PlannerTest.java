package dev.orchestrator.core.graph;

import static dev.orchestrator.core.TestServices.from;
import static dev.orchestrator.core.TestServices.repository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private final ServiceGraph graph =
      GraphBuilder.build(
          repository(
              from("runtime", "scratch"),
              from("jre", "runtime"),
              from("api", "jre"),
              from("worker", "jre"),
              from("web", "runtime"),
              from("tool", "debian"),
              from("deep1", "api"),
              from("deep2", "deep1")));

  @Test
  void wavesAreTopologicalLevels() {
    Plan plan = Planner.plan(graph, List.of());

    assertThat(plan.waves())
        .containsExactly(
            List.of("runtime", "tool"),
            List.of("jre", "web"),
            List.of("api", "worker"),
            List.of("deep1"),
            List.of("deep2"));
  }

  @Test
  void withinAWaveTheLongestRemainingChainComesFirst() {
    Plan plan = Planner.plan(graph, List.of());

    assertThat(plan.remainingChain())
        .containsEntry("runtime", 5)
        .containsEntry("tool", 1)
        .containsEntry("api", 3)
        .containsEntry("worker", 1);
    assertThat(plan.waves().get(2)).containsExactly("api", "worker");
  }

  @Test
  void aSelectedServiceComesWithItsDependenciesOnly() {
    Plan plan = Planner.plan(graph, List.of("worker"));

    assertThat(plan.waves()).containsExactly(List.of("runtime"), List.of("jre"), List.of("worker"));
  }

  @Test
  void anUnknownSelectedServiceIsAConfigurationError() {
    assertThatThrownBy(() -> Planner.plan(graph, List.of("nope")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("unknown service(s): nope; known services: api, deep1");
  }

  @Test
  void onlyPlansTheSelectedServicesWithoutTheirDependencies() {
    Plan plan = Planner.only(graph, List.of("api", "worker", "deep1"));

    assertThat(plan.waves()).containsExactly(List.of("api", "worker"), List.of("deep1"));
    assertThat(plan.remainingChain()).containsEntry("api", 2).containsEntry("worker", 1);
  }

  @Test
  void onlyRefusesAServiceLeftOutBetweenTwoSelectedOnes() {
    assertThatThrownBy(() -> Planner.only(graph, List.of("runtime", "api")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("jre is not selected, but it needs runtime, which is");
  }
}
