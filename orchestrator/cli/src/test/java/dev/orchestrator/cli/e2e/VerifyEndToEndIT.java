package dev.orchestrator.cli.e2e;

import static dev.orchestrator.cli.e2e.Docker.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.cli.e2e.WebServices.Variant;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `verify` runs the real images on the real engine, for both platforms, and cleans up. */
class VerifyEndToEndIT {
  private static final String BOTH = "linux/amd64,linux/arm64";
  private static final String LABEL = "dev.orchestrator.verify";

  @TempDir Path root;
  FixtureMonorepo repo;

  @BeforeAll
  static void engineAnswers() {
    Docker.requireEngine();
  }

  @BeforeEach
  void createRepo() {
    repo = FixtureMonorepo.create(root);
  }

  @AfterEach
  void removeImages() {
    Docker.removeNamespace(repo.namespace);
  }

  private Cli orchestrator(String... args) {
    return Cli.in(root, args);
  }

  private static String containersLeft() {
    return docker("ps", "-a", "--filter", "label=" + LABEL, "--format", "{{.ID}} {{.Image}}")
        .assertSucceeded()
        .output();
  }

  @Test
  void aWellBehavedWebServicePassesEveryCheckOnBothPlatforms() {
    WebServices.add(
        repo,
        "web",
        Variant.HEALTHY,
        "ports: [8080]\nhealth: {path: /health, startTimeout: 60s}\nbudget: 10MB\n");
    Cli build = orchestrator("build", "web", "--platform", BOTH);
    assertThat(build.exitCode()).as(build.toString()).isZero();

    Cli verify = orchestrator("verify", "web", "--platform", BOTH, "--json");

    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    assertThat(verify.out())
        .contains("\"platform\": \"linux/amd64\"", "\"platform\": \"linux/arm64\"")
        .doesNotContain(
            "\"status\": \"fail\"", "\"status\": \"n/a\"", "\"secondsToHealthy\": null");
    assertThat(Pattern.compile("\"status\": \"pass\"").matcher(verify.out()).results().count())
        .isEqualTo(2 * 9);
    assertThat(verify.out())
        .contains(
            "\"detail\": \"uid 1000\"",
            "\"detail\": \"USER 1000:1000\"",
            "GET /health on port 8080 → 200");
    report(verify.out());
    assertThat(containersLeft()).isEmpty();
  }

  @Test
  void anImageNobodyRunsAsIsGetsOnlyTheChecksThatApply() {
    WebServices.addBase(repo, "plain");
    assertThat(orchestrator("build", "plain", "--platform", BOTH).exitCode()).isZero();

    Cli verify = orchestrator("verify", "plain", "--platform", BOTH);

    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    assertThat(verify.out())
        .containsPattern("n/a +healthy +not a runnable service")
        .containsPattern("n/a +read-only")
        .containsPattern("n/a +size +[0-9.]+ MB .*; no budget")
        .containsPattern("pass +labels +title plain")
        .doesNotContain("pass  healthy");
    assertThat(containersLeft()).isEmpty();
  }

  @Test
  void aFailingHealthEndpointAndARootUserFailWithTheVerifyExitCodeAndLeaveNoContainer() {
    WebServices.add(
        repo,
        "web-nohealth",
        Variant.NO_HEALTH_ENDPOINT,
        "ports: [8080]\nhealth: {startTimeout: 10s}\n");
    WebServices.add(repo, "web-root", Variant.ROOT, "ports: [8080]\n");
    Cli build = orchestrator("build", "web-nohealth", "web-root", "--platform", "linux/amd64");
    assertThat(build.exitCode()).as(build.toString()).isZero();

    Cli verify =
        orchestrator(
            "verify", "web-nohealth", "web-root", "--platform", "linux/amd64", "--jobs", "2");

    assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(6);
    assertThat(verify.out())
        .contains("VERIFY FAILED web-nohealth linux/amd64: healthy (not healthy within 10.0s")
        .contains("http (GET /health on port 8080 → 404)")
        .contains(
            "VERIFY FAILED web-root linux/amd64: user (no USER (runs as root)), "
                + "process-user (uid 0)")
        .containsPattern("pass +read-only +healthy after");
    assertThat(containersLeft()).isEmpty();
  }

  @Test
  void anImageWithoutHealthcheckWhoseCommandExitsAtStartFailsWithItsOutput() {
    WebServices.addWithoutHealthcheck(
        repo,
        "crasher",
        8080,
        "[\"sh\", \"-c\", \"echo starting; echo no database at db:5432 >&2; exit 1\"]");
    assertThat(orchestrator("build", "crasher", "--platform", "linux/amd64").exitCode()).isZero();

    Cli verify = orchestrator("verify", "crasher", "--platform", "linux/amd64");

    assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(6);
    assertThat(verify.out())
        .containsPattern("fail +healthy +exited with code 1 after")
        .contains("its last output:", "| starting", "| no database at db:5432")
        .contains("VERIFY FAILED crasher linux/amd64: healthy (exited with code 1")
        .contains("0 passed, 1 failed, 0 not run");
    assertThat(containersLeft()).isEmpty();
  }

  @Test
  void anImageWithoutHealthcheckThatKeepsRunningAndListensOnItsExposedPortPasses() {
    WebServices.addWithoutHealthcheck(
        repo, "listener", 7070, "[\"httpd\", \"-f\", \"-p\", \"7070\", \"-h\", \"/\"]");
    assertThat(orchestrator("build", "listener", "--platform", "linux/amd64").exitCode()).isZero();

    Cli verify = orchestrator("verify", "listener", "--platform", "linux/amd64");

    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    assertThat(verify.out())
        .containsPattern(
            "pass +healthy +still running after [0-9.]+s, port 7070 accepting TCP connections")
        .containsPattern("pass +read-only +still running after")
        .containsPattern("n/a +healthcheck +no HEALTHCHECK: it must keep running")
        .containsPattern("listener +linux/amd64 +passed")
        .contains("1 passed, 0 failed, 0 not run");
    assertThat(containersLeft()).isEmpty();
  }

  @Test
  void aChildWhoseDockerfileSetsNoLabelsGetsItsOwnTitleFromTheOrchestratorNotItsBases() {
    WebServices.addBase(repo, "plain");
    repo.file(
        "services/child/Dockerfile", "FROM plain\nCMD [\"/bin/busybox\", \"sleep\", \"600\"]\n");
    Cli build = orchestrator("build", "child", "--platform", "linux/amd64");
    assertThat(build.exitCode()).as(build.toString()).isZero();

    Cli verify = orchestrator("verify", "child", "--platform", "linux/amd64");

    // It still runs as root (no USER): that, not its labels, fails it.
    assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(6);
    assertThat(verify.out())
        .containsPattern("pass +labels +title child; title")
        .doesNotContain("inherited from");
    assertThat(containersLeft()).isEmpty();
  }

  @Test
  void buildWithVerifyVerifiesWhatItBuilt() {
    WebServices.add(repo, "web-root", Variant.ROOT, "ports: [8080]\n");

    Cli build =
        orchestrator("build", "web-root", "--platform", "linux/amd64", "--verify", "--json");

    assertThat(build.exitCode()).as(build.toString()).isEqualTo(6);
    assertThat(build.out())
        .containsPattern("\"status\": \"(built|cached)\"")
        .contains("\"verify\": [")
        .containsPattern(
            "\"name\": \"process-user\",\\s*\"status\": \"fail\",\\s*\"detail\": \"uid 0\"");
    assertThat(containersLeft()).isEmpty();
  }

  /** The times to healthy, for the record (they are not asserted: the machine is shared). */
  private static void report(String json) {
    Matcher m =
        Pattern.compile(
                "\"platform\": \"([^\"]+)\"(?s:.*?)\"secondsToHealthy\": ([0-9.]+),"
                    + "\\s*\"secondsToHealthyReadOnly\": ([0-9.]+)")
            .matcher(json);
    while (m.find()) {
      System.out.printf(
          "verify %s: healthy after %ss, read-only %ss%n", m.group(1), m.group(2), m.group(3));
    }
  }
}
