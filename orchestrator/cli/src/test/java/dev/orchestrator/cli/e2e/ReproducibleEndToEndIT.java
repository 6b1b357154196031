package dev.orchestrator.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --reproducible} on the real engine: two builds without cache to OCI layouts,
 * compared by per-platform manifest digest; a step that differs by itself is named with its layer,
 * instruction and file.
 */
class ReproducibleEndToEndIT {
  private static final String BOTH = "linux/amd64,linux/arm64";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;
  FixtureMonorepo repo;

  @BeforeAll
  static void engineAnswers() {
    Docker.requireEngine();
  }

  @BeforeEach
  void createRepo() {
    repo = FixtureMonorepo.create(root);
    profile("sourceDateEpoch: 1700000000\n");
  }

  @AfterEach
  void removeImages() {
    Docker.removeNamespace(repo.namespace);
  }

  private void profile(String extra) {
    repo.file(
        "buildx-profiles/local.yaml",
        "platforms: [host]\noutput: load\nnamespace: " + repo.namespace + "\njobs: 2\n" + extra);
  }

  private Cli orchestrator(String... args) {
    return Cli.in(root, args);
  }

  private static List<JsonNode> rows(Cli cli) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    JSON.readTree(cli.out()).forEach(rows::add);
    return rows;
  }

  @Test
  void aStepThatWritesTheDateFailsTheGateNamingItsLayerInstructionAndFile() throws Exception {
    // busybox's date has no %N: the sleep makes the second build's second another one.
    repo.file("services/stamp/Dockerfile", "FROM base\nRUN sleep 1 && date +%s%N > /built-at\n");
    // The profile makes the gate part of build, as a CI job's profile would.
    profile("sourceDateEpoch: 1700000000\nverify: {reproducible: true}\n");

    Cli build = orchestrator("build", "stamp");

    assertThat(build.exitCode()).as(build.toString()).isEqualTo(6);
    assertThat(build.out())
        .contains("NOT REPRODUCIBLE stamp")
        .contains("first differing layer: 5 of 5")
        .contains("instruction: RUN /bin/sh -c sleep 1 && date +%s%N > /built-at")
        .contains("/built-at: content")
        // base was built (or found) by the same run, and is reproducible
        .contains("2 service-platforms checked for reproducibility")
        .contains("1 reproducible, 1 different, 0 not run");

    Cli gate = orchestrator("verify", "--reproducible", "stamp", "--json");

    assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(6);
    assertThat(rows(gate)).hasSize(1);
    JsonNode row = rows(gate).get(0);
    assertThat(row.path("service").asText()).isEqualTo("stamp");
    assertThat(row.path("result").asText()).isEqualTo("different");
    assertThat(row.path("rewriteTimestamp").asBoolean()).isTrue();
    assertThat(row.path("firstDigest").asText()).isNotEqualTo(row.path("secondDigest").asText());
    JsonNode difference = row.path("difference");
    // base: COPY busybox and three RUNs; stamp's RUN is the fifth and last layer.
    assertThat(difference.path("layer").asInt()).isEqualTo(5);
    assertThat(difference.path("layers").asInt()).isEqualTo(5);
    assertThat(difference.path("instruction").asText()).contains("RUN", "date +%s%N > /built-at");
    assertThat(difference.path("files")).hasSize(1);
    assertThat(difference.path("files").get(0).path("path").asText()).isEqualTo("/built-at");
    // Times are rewritten to the epoch, so only what the step wrote differs.
    assertThat(difference.path("files").get(0).path("differs").toString())
        .isEqualTo("[\"content\"]");
  }

  @Test
  void aServiceWithReproducibleStepsPassesOnBothPlatforms() throws Exception {
    Cli build = orchestrator("build", "mid", "--platform", BOTH);
    assertThat(build.exitCode()).as(build.toString()).isZero();

    Cli gate =
        orchestrator("verify", "--reproducible", "base", "mid", "--platform", BOTH, "--json");

    assertThat(gate.exitCode()).as(gate.toString()).isZero();
    assertThat(rows(gate))
        .extracting(r -> r.path("service").asText() + " " + r.path("platform").asText())
        .containsExactly(
            "base linux/amd64", "base linux/arm64", "mid linux/amd64", "mid linux/arm64");
    assertThat(rows(gate))
        .allSatisfy(
            r -> {
              assertThat(r.path("result").asText()).isEqualTo("reproducible");
              assertThat(r.path("firstDigest").asText())
                  .startsWith("sha256:")
                  .isEqualTo(r.path("secondDigest").asText());
            });
    // The two platforms are two different images, each reproduced.
    assertThat(rows(gate).get(2).path("firstDigest").asText())
        .isNotEqualTo(rows(gate).get(3).path("firstDigest").asText());
  }

  @Test
  void withoutAnEpochFileTimesAreAsBuiltAndTheGateNamesMtime() throws Exception {
    profile("sourceDateEpoch: none\n");
    // Layer tars keep whole seconds: the second's file is written at least a second after the
    // first's, or two fast builds could write it within one second and look alike.
    repo.file(
        "services/mid/Dockerfile",
        "FROM base\nRUN sleep 1 && echo mid > /mid.txt && cat /base.txt >> /mid.txt\n");
    Cli build = orchestrator("build", "mid");
    assertThat(build.exitCode()).as(build.toString()).isZero();

    Cli gate = orchestrator("verify", "--reproducible", "mid", "--json");

    assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(6);
    JsonNode row = rows(gate).get(0);
    assertThat(row.path("rewriteTimestamp").asBoolean()).isFalse();
    JsonNode difference = row.path("difference");
    // mid's RUN is layer 5, on base's four; what it wrote is the same, only its time differs.
    assertThat(difference.path("layer").asInt()).isEqualTo(5);
    assertThat(difference.path("files").findValuesAsText("path")).contains("/mid.txt");
    assertThat(difference.path("files"))
        .allSatisfy(f -> assertThat(f.path("differs").toString()).isEqualTo("[\"mtime\"]"));
    assertThat(difference.path("configKeys").toString()).contains("created");
  }

  /** A fresh checkout has not what a preparation writes: the gate runs it before rebuilding. */
  @Test
  void aPreparedServiceNeverBuiltHereIsPreparedThenChecked() throws Exception {
    repo.file("services/gen/make.sh", "#!/bin/sh\necho generated > generated.txt\n");
    repo.file(
        "services/gen/service.yaml", "prepare:\n  command: [sh, make.sh]\n  inputs: [make.sh]\n");
    repo.file("services/gen/Dockerfile", "FROM scratch\nCOPY generated.txt /generated.txt\n");

    Cli gate = orchestrator("verify", "--reproducible", "gen", "--json");

    assertThat(gate.exitCode()).as(gate.toString()).isZero();
    assertThat(rows(gate).get(0).path("result").asText()).isEqualTo("reproducible");
    assertThat(root.resolve("services/gen/generated.txt")).exists();
  }

  @Test
  void aServiceWhoseBaseWasNotBuiltIsNotRunNeverPassed() throws Exception {
    Cli gate = orchestrator("verify", "--reproducible", "mid", "--json");

    assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(1);
    assertThat(rows(gate).get(0).path("result").asText()).isEqualTo("not-run");
    assertThat(rows(gate).get(0).path("detail").asText()).startsWith("the first rebuild failed");
  }
}
