package dev.orchestrator.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.BuildStatus;
import dev.orchestrator.core.result.PlatformResult;
import dev.orchestrator.core.result.ServiceResult;
import dev.orchestrator.core.size.ImageSizes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
  void aDryRunShowsTheMavenCommandAsItRunsAndQuotesArgumentsAsAShellWould() {
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("maven", List.of("mvn", "-pl", "services/a", "package"));
    commands.put("a", List.of("docker", "buildx", "build", "--label", "x=a b"));

    String text = ReportText.dryRun(plan, List.of("linux/amd64"), commands);

    assertThat(text)
        .contains(
            "platforms: linux/amd64",
            "# maven%nmvn -pl services/a package".formatted(),
            "# a%ndocker buildx build --label 'x=a b'".formatted());
  }

  @Test
  void numbersHaveADecimalPointWhateverTheDefaultLocale() {
    PlatformResult amd64 =
        new PlatformResult(
            "linux/amd64",
            BuildStatus.BUILT,
            Duration.ofMillis(1_500),
            "m/web:latest",
            Optional.of(new ImageSizes("linux/amd64", 20_100_000, 54_400_000)),
            Optional.of(60_000_000L),
            Optional.empty(),
            3,
            5,
            List.of(),
            Optional.empty());
    ServiceResult web =
        new ServiceResult(
            "web",
            "m/web:latest",
            BuildStatus.BUILT,
            Duration.ofMillis(1_500),
            List.of(amd64),
            "",
            List.of());
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY); // writes 1,5 for 1.5
    try {
      assertThat(ReportText.report(new BuildReport(List.of(web), Duration.ofMillis(2_400), false)))
          .containsPattern("web +linux/amd64 +built +1\\.5s +54\\.4 MB +20\\.1 MB +60\\.0 MB +3/5")
          .contains("1 services in 2.4s: 1 built");
      assertThat(ReportText.finished(web)).isEqualTo("built in 1.5s");
    } finally {
      Locale.setDefault(before);
    }
  }
}
