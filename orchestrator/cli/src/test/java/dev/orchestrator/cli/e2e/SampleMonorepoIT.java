package dev.orchestrator.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's own sample monorepo (services/): bases prepared from Debian packages, jars built
 * by Maven, seven images for both platforms, every one within budget.
 */
class SampleMonorepoIT {
  static final String BOTH = "linux/amd64,linux/arm64";
  static final List<String> SERVICES =
      List.of(
          "base-runtime",
          "base-jre",
          "control-plane",
          "connector-gateway",
          "execution-plane",
          "agent",
          "indexer");
  static Path repository;
  static Cli build;

  @BeforeAll
  static void buildEverythingForBothPlatforms() {
    repository = Checkout.root();
    build = Cli.run("build", "--root", repository.toString(), "--platform", BOTH, "--json");
  }

  @Test
  void theBasesComeFirstInThePlan() {
    Cli plan = Cli.run("plan", "--root", repository.toString(), "--json");

    assertThat(plan.out().replaceAll("\\s", ""))
        .startsWith("{\"waves\":[[\"base-runtime\"],[\"base-jre\"],[");
  }

  @Test
  void allSevenImagesBuildForBothPlatformsWithinBudget() {
    assertThat(build.exitCode()).as(build.toString()).isZero();
    for (String service : SERVICES) {
      assertThat(build.out()).contains("\"name\": \"" + service + "\"");
    }
    Matcher sizes =
        Pattern.compile(
                "\"platform\": \"(linux/[a-z0-9]+)\",[^}]*?\"sizeBytes\": (\\d+),[^}]*?\"budgetBytes\": (\\d+)")
            .matcher(build.out());
    int rows = 0;
    while (sizes.find()) {
      rows++;
      assertThat(Long.parseLong(sizes.group(2)))
          .as(sizes.group())
          .isPositive()
          .isLessThanOrEqualTo(Long.parseLong(sizes.group(3)));
    }
    assertThat(rows).isEqualTo(SERVICES.size() * 2);
    assertThat(build.out()).doesNotContain("\"overBudget\": true");
  }

  /**
   * The sizes the build reports (shared layers measured once, gzip trailers where they prove the
   * size) against every layer of the exported image gunzipped and counted.
   */
  @Test
  void reportedSizesEqualTheFullyUnpackedExportToTheByteOnBothPlatforms(@TempDir Path work)
      throws IOException {
    assertThat(build.exitCode()).as(build.toString()).isZero();
    int checked = 0;
    for (JsonNode service : new ObjectMapper().readTree(build.out()).path("services")) {
      for (JsonNode p : service.path("platforms")) {
        String platform = p.path("platform").asText();
        assertThat(p.path("sizeBytes").asLong())
            .as(service.path("name").asText() + " " + platform)
            .isEqualTo(UnpackedExport.uncompressedBytes(work, p.path("image").asText(), platform));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(SERVICES.size() * 2);
  }

  @Test
  void everyImageRunsHealthyAsNonRootWithAReadOnlyRootOnBothPlatforms() {
    assertThat(build.exitCode()).as(build.toString()).isZero();

    Cli verify = Cli.run("verify", "--root", repository.toString(), "--platform", BOTH);

    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    assertThat(verify.out()).contains("14 service-platforms verified").contains("0 failed");
    for (String service : SERVICES.subList(2, SERVICES.size())) {
      for (String platform : List.of("linux/amd64", "linux/arm64")) {
        assertThat(verify.out())
            .containsPattern(
                service
                    + " "
                    + platform
                    + " \\(monorepo/"
                    + service
                    + ":latest\\)\\n(  pass [^\\n]*\\n){9}");
      }
    }
    assertThat(Docker.docker("ps", "-aq", "--filter", "label=dev.orchestrator.verify").output())
        .isEmpty();
  }

  /**
   * Every image built twice more without cache, the same way, gives the same per-platform manifest
   * digest: the bases' prepared tars, the jars and the COPY steps are all reproducible.
   */
  @Test
  void everyImageIsReproducibleOnBothPlatforms() throws IOException {
    assertThat(build.exitCode()).as(build.toString()).isZero();

    Cli gate =
        Cli.run(
            "verify",
            "--reproducible",
            "--root",
            repository.toString(),
            "--platform",
            BOTH,
            "--json");

    assertThat(gate.exitCode()).as(gate.toString()).isZero();
    JsonNode rows = new ObjectMapper().readTree(gate.out());
    assertThat(rows).hasSize(SERVICES.size() * 2);
    for (JsonNode row : rows) {
      assertThat(row.path("result").asText()).as(row.toString()).isEqualTo("reproducible");
      assertThat(row.path("rewriteTimestamp").asBoolean()).as(row.toString()).isTrue();
      assertThat(row.path("firstDigest").asText())
          .startsWith("sha256:")
          .isEqualTo(row.path("secondDigest").asText());
    }
  }
}
