package dev.orchestrator.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.BuildStatus;
import dev.orchestrator.core.result.PlatformResult;
import dev.orchestrator.core.result.ServiceResult;
import dev.orchestrator.core.size.ImageSizes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CiReportsTest {
  private static final String AMD = "linux/amd64";
  private static final String ARM = "linux/arm64";

  private static PlatformResult platform(
      String platform, BuildStatus status, Optional<ImageSizes> sizes, List<String> violations) {
    return new PlatformResult(
        platform,
        status,
        Duration.ofMillis(1500),
        "r/ns/x",
        sizes,
        Optional.of(10_000L),
        Optional.empty(),
        3,
        4,
        violations,
        Optional.empty());
  }

  private static final BuildReport REPORT =
      new BuildReport(
          List.of(
              new ServiceResult(
                  "base",
                  "r/ns/base",
                  BuildStatus.UP_TO_DATE,
                  Duration.ofMillis(100),
                  List.of(
                      platform(
                          AMD,
                          BuildStatus.UP_TO_DATE,
                          Optional.of(new ImageSizes(AMD, 900, 9_000)),
                          List.of()),
                      platform(ARM, BuildStatus.UP_TO_DATE, Optional.empty(), List.of())),
                  "image r/ns/base:hash-1 has input hash 1 (registry)",
                  List.of()),
              new ServiceResult(
                  "lone",
                  "r/ns/lone",
                  BuildStatus.BUILT,
                  Duration.ofMillis(2000),
                  List.of(
                      platform(
                          AMD,
                          BuildStatus.BUILT,
                          Optional.of(new ImageSizes(AMD, 1_000, 20_000)),
                          List.of(
                              "lone linux/amd64: uncompressed size 20.0 kB is over its budget of 10.0 kB by 10.0 kB"))),
                  "",
                  List.of()),
              new ServiceResult(
                  "web <&>",
                  "r/ns/web",
                  BuildStatus.FAILED,
                  Duration.ofMillis(300),
                  List.of(platform(AMD, BuildStatus.FAILED, Optional.empty(), List.of())),
                  "docker buildx build exited with 1",
                  List.of("ERROR: \"x\" failed")),
              new ServiceResult(
                  "after",
                  "r/ns/after",
                  BuildStatus.SKIPPED,
                  Duration.ZERO,
                  List.of(platform(AMD, BuildStatus.SKIPPED, Optional.empty(), List.of())),
                  "its dependency web failed",
                  List.of())),
          Duration.ofSeconds(4),
          false);

  @Test
  void junitHasOneCaseperServiceAndPlatformWithFailuresAndSkips() throws Exception {
    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(
                    JunitXml.of(REPORT, "ci-amd64").getBytes(StandardCharsets.UTF_8)));

    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("5");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(5);
    Element overBudget = (Element) cases.item(2);
    assertThat(overBudget.getAttribute("classname")).isEqualTo("lone");
    assertThat(overBudget.getAttribute("name")).isEqualTo(AMD);
    assertThat(((Element) overBudget.getElementsByTagName("failure").item(0)).getAttribute("type"))
        .isEqualTo("over budget");
    Element failed = (Element) cases.item(3);
    assertThat(failed.getAttribute("classname")).isEqualTo("web <&>");
    assertThat(failed.getElementsByTagName("failure").item(0).getTextContent())
        .contains("exited with 1", "ERROR: \"x\" failed");
    assertThat(((Element) cases.item(4)).getElementsByTagName("skipped").getLength()).isEqualTo(1);
    assertThat(((Element) cases.item(0)).getAttribute("time")).isEqualTo("1.500");
  }

  @Test
  void summaryHasARowPerServiceAndPlatformWithSizeAgainstBudgetAndReason() {
    String md = MarkdownSummary.of(REPORT, "ci-amd64");

    assertThat(md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| service")))
        .containsExactly(
            "| base | linux/amd64 | up-to-date | 1.5 s | 9.0 kB / 10.0 kB | 3/4 | image r/ns/base:hash-1 has input hash 1 (registry) |",
            "| base | linux/arm64 | up-to-date | 1.5 s | not measured / 10.0 kB | 3/4 | image r/ns/base:hash-1 has input hash 1 (registry) |",
            "| lone | linux/amd64 | over budget | 1.5 s | 20.0 kB / 10.0 kB | 3/4 | lone linux/amd64: uncompressed size 20.0 kB is over its budget of 10.0 kB by 10.0 kB |",
            "| web <&> | linux/amd64 | failed | 1.5 s | not measured / 10.0 kB | 3/4 | docker buildx build exited with 1 |",
            "| after | linux/amd64 | skipped | 1.5 s | not measured / 10.0 kB | 3/4 | its dependency web failed |");
    assertThat(md)
        .startsWith("### ci-amd64\n")
        .contains("4 services in 4.0 s; some failed; some over budget.");
  }

  @Test
  void aRebuiltServicesReasonIsWhyItWasBuilt() {
    BuildReport rebuilt =
        new BuildReport(
            List.of(
                new ServiceResult(
                    "mid",
                    "r/ns/mid",
                    BuildStatus.BUILT,
                    Duration.ofMillis(2000),
                    List.of(platform(AMD, BuildStatus.BUILT, Optional.empty(), List.of())),
                    "",
                    List.of(),
                    "registry: no r/ns/mid:hash-2-amd64 (404)")),
            Duration.ofSeconds(2),
            false);

    assertThat(MarkdownSummary.of(rebuilt, "ci-amd64"))
        .contains(
            "| mid | linux/amd64 | built | 1.5 s | not measured / 10.0 kB | 3/4 |"
                + " registry: no r/ns/mid:hash-2-amd64 (404) |");
  }

  @Test
  void tableCellsEscapePipesAndNewlines() {
    assertThat(MarkdownSummary.cell("a|b\nc")).isEqualTo("a\\|b c");
  }
}
