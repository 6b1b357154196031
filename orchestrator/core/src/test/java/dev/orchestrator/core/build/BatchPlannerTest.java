package dev.orchestrator.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {
  // base <- jre <- app, web; lone alone; candidates longest chain first.
  private final Map<String, List<String>> deps =
      Map.of(
          "base", List.of(),
          "jre", List.of("base"),
          "app", List.of("jre"),
          "web", List.of("jre"),
          "lone", List.of());
  private final List<String> candidates = List.of("base", "jre", "app", "lone", "web");

  @Test
  void aChainAndItsDependentsGoInOneBatchWhenTheyFit() {
    assertThat(BatchPlanner.next(candidates, deps, Set.of(), s -> "", 10))
        .containsExactly("base", "jre", "app", "lone", "web");
  }

  @Test
  void theWidthBoundsTheBatchAndKeepsDependencyOrder() {
    assertThat(BatchPlanner.next(candidates, deps, Set.of(), s -> "", 2))
        .containsExactly("base", "jre");
  }

  @Test
  void aServiceWhoseDependencyIsNeitherBuiltNorInTheBatchWaits() {
    // base is in a running batch: neither built nor offered.
    assertThat(BatchPlanner.next(List.of("jre", "app", "lone"), deps, Set.of(), s -> "", 10))
        .containsExactly("lone");
  }

  @Test
  void builtDependenciesLetDependentsStart() {
    assertThat(BatchPlanner.next(List.of("app", "web"), deps, Set.of("base", "jre"), s -> "", 10))
        .containsExactly("app", "web");
  }

  @Test
  void aBatchHoldsServicesOfOneBuilderOnly() {
    assertThat(
            BatchPlanner.next(
                candidates, deps, Set.of(), s -> s.equals("lone") ? "arm-builder" : "", 10))
        .containsExactly("base", "jre", "app", "web");
  }

  @Test
  void nothingReadyGivesAnEmptyBatch() {
    assertThat(BatchPlanner.next(List.of("app"), deps, Set.of("base"), s -> "", 10)).isEmpty();
  }
}
