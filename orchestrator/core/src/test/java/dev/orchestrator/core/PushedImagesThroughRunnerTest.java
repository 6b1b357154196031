package dev.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.build.Explanation;
import dev.orchestrator.core.process.Command;
import dev.orchestrator.core.process.RecordingCommandRunner;
import dev.orchestrator.core.progress.BuildListener;
import dev.orchestrator.core.result.BuildStatus;
import dev.orchestrator.core.result.ServiceResult;
import dev.orchestrator.core.result.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles that push, through a recording runner and a registry on loopback: the paths a real
 * engine and registry will not produce on demand (a failing retag, a metadata file without a
 * digest, a registry that wants credentials).
 */
class PushedImagesThroughRunnerTest {
  private static final String FOUND = "sha256:" + "f".repeat(64);
  private static final String BUILT = "sha256:" + "b".repeat(64);
  private static final List<String> IMAGETOOLS = List.of("docker", "buildx", "imagetools");
  private static final List<String> BAKE = List.of("docker", "buildx", "bake");

  @TempDir Path root;
  private final RecordingCommandRunner runner = new RecordingCommandRunner();
  private FakeRegistry registry;
  private Orchestrator orchestrator;

  @BeforeEach
  void repository() throws IOException {
    registry = new FakeRegistry();
    new TestRepository(root)
        .service("api", "FROM scratch\nCOPY app.txt /\n")
        .write("services/api/app.txt", "app\n")
        .profile(
            "push",
            """
            platforms: [linux/amd64]
            output: push
            registry: %s
            """
                .formatted(registry.address()))
        .profile(
            "by-digest",
            """
            platforms: [linux/amd64]
            output: push-by-digest
            registry: %s
            stagingTag: "ci-{arch}"
            """
                .formatted(registry.address()));
    runner.answer(
        List.of("git", "-C", root.toString(), "ls-files"), 128, "fatal: not a git repository");
    orchestrator = new Orchestrator(runner, FakeEngine::new);
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  private ServiceResult build(String profile) {
    BuildRequest request = BuildRequest.builder(root).profile(Optional.of(profile)).build();
    BuildOutcome outcome = orchestrator.build(request, BuildListener.NONE);
    return outcome.report().orElseThrow().services().get(0);
  }

  @Test
  void layersOfAPushByDigestProfileWithoutItsDigestsFileSayWhichFileIsMissing() {
    LayersRequest request =
        new LayersRequest(root, Optional.of("by-digest"), "api", List.of(), Optional.empty());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> orchestrator.layers(request))
        .isInstanceOf(dev.orchestrator.core.error.EnvironmentException.class)
        .hasMessageContaining("profile by-digest pushes by digest, and there is no digests file at")
        .hasMessageContaining("digests-amd64.json");
  }

  @Test
  void anImageFoundByItsHashIsRetaggedAndUpToDate() {
    registry.hasEveryHashTag("monorepo/api", FOUND);
    runner.answer(IMAGETOOLS, 0);

    ServiceResult api = build("push");

    assertThat(api.status()).isEqualTo(BuildStatus.UP_TO_DATE);
    assertThat(runner.argvs(BAKE.toArray(String[]::new))).isEmpty();
    List<String> retag = runner.argvs(IMAGETOOLS.toArray(String[]::new)).get(0);
    assertThat(retag)
        .startsWith("docker", "buildx", "imagetools", "create", "--tag")
        .contains(registry.address() + "/monorepo/api:latest");
    assertThat(retag.get(retag.size() - 1)).startsWith(registry.address() + "/monorepo/api:hash-");
  }

  @Test
  void aRetagThatFailsFailsTheServiceInsteadOfReportingItUpToDate() {
    registry.hasEveryHashTag("monorepo/api", FOUND);
    runner.answer(IMAGETOOLS, 1, "ERROR: denied: requested access to the resource is denied");

    ServiceResult api = build("push");

    assertThat(api.status()).isEqualTo(BuildStatus.FAILED);
    assertThat(api.message()).contains("retagging it failed", "exited with 1");
    assertThat(api.outputTail())
        .contains("ERROR: denied: requested access to the resource is denied");
  }

  @Test
  void aRegistryThatWantsCredentialsIsNamedInTheExplanationAndTheImageIsBuilt() {
    registry.hasEveryHashTag("monorepo/api", FOUND);
    registry.requireCredentials();
    runner.answer(BAKE, 0);

    Explanation why =
        orchestrator.explain(
            BuildRequest.builder(root).profile(Optional.of("push")).build(), "api");
    ServiceResult api = build("push");

    assertThat(why.upToDate()).isFalse();
    assertThat(why.where()).contains("answered 401");
    assertThat(api.status()).isEqualTo(BuildStatus.BUILT);
    assertThat(runner.argvs(IMAGETOOLS.toArray(String[]::new))).isEmpty();
  }

  @Test
  void aPushByDigestBuildWhoseMetadataHasNoDigestFails() {
    runner.answer(BAKE, 0, "#1 DONE 0.1s");

    ServiceResult api = build("by-digest");

    assertThat(api.status()).isEqualTo(BuildStatus.FAILED);
    assertThat(api.message()).contains("wrote no containerimage.digest");
    assertThat(digestsFile()).doesNotContain("\"api\"");
  }

  @Test
  void aPushByDigestBuildRecordsTheDigestBuildxWrote() {
    runner.answer(BAKE, this::writeMetadata);
    registry.has("monorepo/api", BUILT, BUILT);

    ServiceResult api = build("by-digest");

    assertThat(api.status()).as(api.message()).isEqualTo(BuildStatus.BUILT);
    assertThat(registry.requests)
        .contains("GET /v2/monorepo/api/manifests/" + BUILT)
        .anyMatch(r -> r.matches("PUT /v2/monorepo/api/manifests/hash-[0-9a-f]{12}-amd64"));
    assertThat(api.platforms().get(0).digest()).contains(BUILT);
    assertThat(digestsFile()).contains("\"api\"", BUILT);
    assertThat(BuildRequest.builder(root).build().verifyAfter()).isFalse();
    assertThat(orchestratorVerdict()).isEqualTo(Verdict.OK);
  }

  @Test
  void aSecondPushByDigestJobFindsItsHashTagBuildsNothingAndStillRecordsTheDigest() {
    runner.answer(BAKE, this::writeMetadata);
    registry.has("monorepo/api", BUILT, BUILT);
    build("by-digest");
    runner.answer(BAKE, 1, "must not run");

    ServiceResult again = build("by-digest");

    assertThat(again.status()).as(again.message()).isEqualTo(BuildStatus.UP_TO_DATE);
    assertThat(again.message()).contains("/monorepo/api:hash-", "-amd64", "(registry");
    assertThat(again.platforms().get(0).digest()).hasValue("sha256:" + "e".repeat(64));
    assertThat(digestsFile()).contains("\"api\"", "sha256:" + "e".repeat(64));
    assertThat(runner.argvs(BAKE.toArray(String[]::new))).hasSize(1);
    assertThat(runner.argvs(IMAGETOOLS.toArray(String[]::new))).isEmpty();
  }

  @Test
  void aPushByDigestBuildWhoseHashTagCannotBeWrittenFailsNamingTheDigest() {
    runner.answer(BAKE, this::writeMetadata); // the registry has no such manifest

    ServiceResult api = build("by-digest");

    assertThat(api.status()).isEqualTo(BuildStatus.FAILED);
    assertThat(api.message()).contains("pushed " + BUILT + ", but tagging it", "-amd64 failed");
  }

  @Test
  void aBudgetOnAPushedImageWhoseSizeCannotBeMeasuredFailsInsteadOfPassing() throws IOException {
    Files.writeString(root.resolve("services/api/service.yaml"), "budget: 10KB\n");
    runner.answer(BAKE, this::writeMetadata);
    registry.has("monorepo/api", BUILT, BUILT); // a manifest without config: no platform to size

    ServiceResult api = build("by-digest");

    assertThat(api.platforms().get(0).sizes()).isEmpty();
    assertThat(api.platforms().get(0).budgetViolations())
        .containsExactly(
            "api linux/amd64: size not measured, so its budget of 10.0 kB cannot be checked");
    assertThat(orchestratorVerdict()).isEqualTo(Verdict.OVER_BUDGET);
  }

  @Test
  void verifyInAPushByDigestJobPullsEachImageByTheDigestItsDigestsFileRecords() {
    runner.answer(BAKE, this::writeMetadata);
    registry.has("monorepo/api", BUILT, BUILT);
    build("by-digest");
    runner.answer(List.of("docker", "pull"), 0, BUILT);

    dev.orchestrator.core.verify.VerifyReport report =
        orchestrator.verify(
            new VerifyRequest(root, Optional.of("by-digest"), List.of(), List.of(), 0),
            BuildListener.NONE);

    String pulled = registry.address() + "/monorepo/api@" + BUILT;
    assertThat(runner.argvs("docker", "pull"))
        .containsExactly(List.of("docker", "pull", "--quiet", "--platform", "linux/amd64", pulled));
    assertThat(report.rows()).extracting(r -> r.image()).containsExactly(pulled);
  }

  @Test
  void verifyInAPushByDigestJobWithoutADigestForTheServiceNamesTheDigestsFile() throws IOException {
    Files.createDirectories(root.resolve(".cache/orchestrator"));
    Files.writeString(
        root.resolve(".cache/orchestrator/digests-amd64.json"),
        "{\"format\": \"orchestrator-digests/1\", \"services\": {}}\n");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                orchestrator.verify(
                    new VerifyRequest(root, Optional.of("by-digest"), List.of(), List.of(), 0),
                    BuildListener.NONE))
        .hasMessageContaining("digests-amd64.json")
        .hasMessageContaining("no linux/amd64 digest for api");
  }

  private Verdict orchestratorVerdict() {
    return orchestrator
        .build(
            BuildRequest.builder(root).profile(Optional.of("by-digest")).force(true).build(),
            BuildListener.NONE)
        .verdict();
  }

  /**
   * What bake does with {@code --metadata-file}: writes each target's pushed image digest there
   * (the one target here is named after the service).
   */
  private dev.orchestrator.core.process.ProcessResult writeMetadata(Command command) {
    List<String> argv = command.argv();
    Path file = Path.of(argv.get(argv.indexOf("--metadata-file") + 1));
    try {
      Files.writeString(file, "{\"api\": {\"containerimage.digest\": \"" + BUILT + "\"}}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return RecordingCommandRunner.result(command, 0, List.of());
  }

  private String digestsFile() {
    try {
      return Files.readString(root.resolve(".cache/orchestrator/digests-amd64.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
