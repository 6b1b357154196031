package dev.orchestrator.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.graph.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTextTest {
  private final Plan plan =
      new Plan(List.of(List.of("base"), List.of("a", "b")), Map.of("base", 2, "a", 1, "b", 1));

  @Test
  void thePlanIsOneLinePerWaveThenTheTotals() {
    assertThat(ReportText.plan(plan))
        .isEqualTo("wave 1: base%nwave 2: a, b%n3 services in 2 waves%n".formatted());
  }

  @Test
  void aDryRunShowsMavenThroughTheWrapperAndQuotesArgumentsAsAShellWould() {
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("maven", List.of("-pl", "services/a", "package"));
    commands.put("a", List.of("docker", "buildx", "build", "--label", "x=a b"));

    String text = ReportText.dryRun(plan, List.of("linux/amd64"), commands);

    assertThat(text)
        .contains(
            "platforms: linux/amd64",
            "# maven%n./mvnw -pl services/a package".formatted(),
            "# a%ndocker buildx build --label 'x=a b'".formatted());
  }
}
