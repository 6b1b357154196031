package dev.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.process.RecordingCommandRunner;
import dev.orchestrator.core.publish.MergeOutcome;
import dev.orchestrator.core.publish.MergeRequest;
import dev.orchestrator.core.result.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code merge} through a recording runner: the exact imagetools argv, and failures as data. */
class MergeThroughRunnerTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final String A64 = "sha256:" + "a".repeat(64);
  private static final String B64 = "sha256:" + "b".repeat(64);
  private static final String C64 = "sha256:" + "c".repeat(64);
  private static final String D64 = "sha256:" + "d".repeat(64);
  private static final Map<String, String> CI =
      Map.of("GITHUB_SHA", SHA, "GITHUB_REF", "refs/heads/main");

  @TempDir Path root;
  private final RecordingCommandRunner runner = new RecordingCommandRunner();
  private Orchestrator orchestrator;

  @BeforeEach
  void repository() {
    new TestRepository(root)
        .service("api", "FROM scratch\n")
        .service("web", "FROM scratch\n")
        .profile(
            "ci",
            """
            platforms: [linux/amd64, linux/arm64]
            output: push
            registry: 127.0.0.1:5000
            mergeTags: ["sha-{shortSha}", "{branch}"]
            """)
        .write("digests/digests-amd64.json", digests(A64, C64, "linux/amd64"))
        .write("digests/digests-arm64.json", digests(B64, D64, "linux/arm64"))
        .write("digests/report-digests-amd64.json", report("linux/amd64", "built", true, ""))
        .write("digests/report-digests-arm64.json", report("linux/arm64", "built", true, ""));
    // Discovery asks git which paths it ignores; this scratch folder is no git repository.
    runner.answer(
        List.of("git", "-C", root.toString(), "ls-files"), 128, "fatal: not a git repository");
    orchestrator =
        new Orchestrator(
            runner,
            () -> {
              throw new AssertionError("merge needs no engine");
            });
  }

  private static String digests(String api, String web, String platform) {
    return """
        {"services": {
          "api": {"repository": "127.0.0.1:5000/monorepo/api", "digests": {"%s": "%s"}},
          "web": {"repository": "127.0.0.1:5000/monorepo/web", "digests": {"%s": "%s"}}
        }}
        """
        .formatted(platform, api, platform, web);
  }

  /** A job report as a push-by-digest build writes it beside its digests file. */
  static String report(String platform, String apiStatus, boolean apiOk, String apiViolation) {
    return """
        {"format": "orchestrator-job-report/1", "platforms": ["%1$s"], "verifyRan": false,
         "entries": [
          {"service": "api", "platform": "%1$s", "status": "%2$s", "succeeded": %3$s,
           "budgetViolations": [%4$s], "verify": "not run", "message": ""},
          {"service": "web", "platform": "%1$s", "status": "built", "succeeded": true,
           "budgetViolations": [], "verify": "not run", "message": ""}
        ]}
        """
        .formatted(platform, apiStatus, apiOk, apiViolation);
  }

  @Test
  void anOverBudgetOrFailedReportStopsTheMergeNamingServicePlatformAndReason() {
    new TestRepository(root)
        .write(
            "digests/report-digests-arm64.json",
            report(
                "linux/arm64",
                "built",
                true,
                "\"api linux/arm64: uncompressed size 2.0 MB is over its budget of 10.0 kB by 2.0 MB\""));

    assertThatThrownBy(() -> orchestrator.merge(request(false)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("report-digests-arm64.json")
        .hasMessageContaining(
            "api linux/arm64: over budget: api linux/arm64: uncompressed size 2.0 MB")
        .hasMessageContaining("--allow-partial");
    assertThat(runner.argvs("docker")).isEmpty();
  }

  @Test
  void aDigestsFileWithoutItsReportStopsTheMerge() throws java.io.IOException {
    java.nio.file.Files.delete(root.resolve("digests/report-digests-amd64.json"));

    assertThatThrownBy(() -> orchestrator.merge(request(false)))
        .hasMessageContaining(
            "digests-amd64.json: no job report beside it (report-digests-amd64.json)");
  }

  @Test
  void allowPartialPublishesTheOthersWithoutTheBlockedPlatform() {
    new TestRepository(root)
        .write("digests/report-digests-arm64.json", report("linux/arm64", "failed", false, ""));
    runner.answer(List.of("docker", "buildx", "imagetools", "create"), 0);

    orchestrator.merge(
        new MergeRequest(
            root, Optional.of("ci"), List.of(root.resolve("digests")), List.of(), true, false, CI));

    List<List<String>> creates = runner.argvs("docker", "buildx", "imagetools", "create");
    assertThat(creates).hasSize(2);
    String api =
        String.join(
            " ",
            creates.stream()
                .filter(a -> String.join(" ", a).contains("monorepo/api@"))
                .findFirst()
                .orElseThrow());
    assertThat(api).contains(A64).doesNotContain(B64);
  }

  @Test
  void allowPartialSaysWhichDigestsFileItLeftOutForWantOfItsReport() throws java.io.IOException {
    java.nio.file.Files.delete(root.resolve("digests/report-digests-amd64.json"));

    MergeOutcome outcome =
        orchestrator.merge(
            new MergeRequest(
                root,
                Optional.of("ci"),
                List.of(root.resolve("digests")),
                List.of(),
                true,
                true,
                CI));

    assertThat(outcome.plan().omitted().get(0))
        .contains("digests-amd64.json: no job report beside it (report-digests-amd64.json)");
    assertThat(outcome.plan().omitted()).anyMatch(o -> o.startsWith("api: no linux/amd64 digest"));
  }

  private MergeRequest request(boolean dryRun) {
    return new MergeRequest(
        root, Optional.of("ci"), List.of(root.resolve("digests")), List.of(), false, dryRun, CI);
  }

  @Test
  void withoutAProfileTheMergePublishesWithTheCiProfile() {
    runner.answer(List.of("docker", "buildx", "imagetools", "create"), 0);

    MergeOutcome outcome =
        orchestrator.merge(
            new MergeRequest(
                root,
                Optional.empty(),
                List.of(root.resolve("digests")),
                List.of(),
                false,
                false,
                CI));

    assertThat(outcome.verdict()).isEqualTo(Verdict.OK);
    assertThat(runner.argvs("docker", "buildx", "imagetools", "create")).hasSize(2);
  }

  @Test
  void eachServiceGetsOneImagetoolsCreateWithEveryTagAndPlatformDigest() {
    runner.answer(List.of("docker", "buildx", "imagetools", "create"), 0);

    MergeOutcome outcome = orchestrator.merge(request(false));

    assertThat(outcome.verdict()).isEqualTo(Verdict.OK);
    List<List<String>> creates = runner.argvs("docker", "buildx", "imagetools", "create");
    assertThat(creates).hasSize(2);
    assertThat(creates.get(0))
        .containsSubsequence(
            "--tag",
            "127.0.0.1:5000/monorepo/api:sha-0123456",
            "--tag",
            "127.0.0.1:5000/monorepo/api:main")
        .endsWith("127.0.0.1:5000/monorepo/api@" + A64, "127.0.0.1:5000/monorepo/api@" + B64);
    assertThat(runner.argvs("git", "-C", root.toString(), "rev-parse"))
        .as("CI's variables name the commit")
        .isEmpty();
  }

  @Test
  void aFailedCreateIsDataWithItsOutputAndTheVerdictSaysBuildFailed() {
    runner.answer(
        List.of("docker", "buildx", "imagetools", "create"),
        command ->
            command.argv().stream().anyMatch(a -> a.contains("/web:"))
                ? RecordingCommandRunner.result(
                    command, 1, List.of("ERROR: unauthorized: authentication required"))
                : RecordingCommandRunner.result(command, 0, List.of()));

    MergeOutcome outcome = orchestrator.merge(request(false));

    assertThat(outcome.verdict()).isEqualTo(Verdict.BUILD_FAILED);
    MergeOutcome.Result web =
        outcome.results().stream().filter(r -> r.service().equals("web")).findFirst().orElseThrow();
    assertThat(web.exitCode()).isEqualTo(1);
    assertThat(web.outputTail()).containsExactly("ERROR: unauthorized: authentication required");
  }

  @Test
  void aDryRunPlansAndRunsNothing() {
    MergeOutcome outcome = orchestrator.merge(request(true));

    assertThat(outcome.plan().merges()).hasSize(2);
    assertThat(runner.argvs("docker")).isEmpty();
  }

  @Test
  void aMissingPlatformStopsTheMergeBeforeAnythingIsPushed() {
    new TestRepository(root).write("digests/digests-arm64.json", "{\"services\": {}}\n");

    assertThatThrownBy(() -> orchestrator.merge(request(false)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("linux/arm64");
    assertThat(runner.argvs("docker")).isEmpty();
  }

  @Test
  void withoutCiVariablesGitIsAskedForTheCommit() {
    runner.answer(List.of("git", "-C", root.toString(), "rev-parse", "HEAD"), 0, SHA);
    runner.answer(List.of("git", "-C", root.toString(), "symbolic-ref"), 0, "feature/x");
    runner.answer(List.of("git", "-C", root.toString(), "describe"), 128, "fatal: no tag");

    MergeOutcome outcome =
        orchestrator.merge(
            new MergeRequest(
                root,
                Optional.of("ci"),
                List.of(root.resolve("digests")),
                List.of(),
                false,
                true,
                Map.of()));

    assertThat(outcome.plan().merges().get(0).tags())
        .containsExactly(
            "127.0.0.1:5000/monorepo/api:sha-0123456", "127.0.0.1:5000/monorepo/api:feature-x");
  }
}
