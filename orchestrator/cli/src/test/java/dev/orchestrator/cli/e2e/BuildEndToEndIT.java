package dev.orchestrator.cli.e2e;

import static dev.orchestrator.cli.e2e.Docker.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.SystemCommandRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI, the real engine and buildx, on a monorepo generated per test. */
class BuildEndToEndIT {
  private static final String BOTH = "linux/amd64,linux/arm64";

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

  @Test
  void buildsTheChainForBothPlatformsAndDependentsContainTheirFreshBase() {
    Cli build = orchestrator("build", "--platform", BOTH, "--json");

    assertThat(build.exitCode()).as(build.toString()).isZero();
    assertThat(build.out())
        .contains("\"name\": \"leaf\"", "\"platform\": \"linux/arm64\"", "\"status\": \"built\"");
    String arm = docker("run", "--rm", "--platform", "linux/arm64", repo.image("leaf")).output();
    assertThat(arm).isEqualTo("aarch64");
    String amd = docker("run", "--rm", "--platform", "linux/amd64", repo.image("leaf")).output();
    assertThat(amd).isEqualTo("x86_64");
    String fromMid =
        docker(
                "run",
                "--rm",
                "--platform",
                "linux/arm64",
                "--entrypoint",
                "/bin/cat",
                repo.image("leaf"),
                "/from-mid.txt")
            .output();
    assertThat(fromMid).isEqualTo("mid\nbase for aarch64");
  }

  @Test
  void aSecondBuildComesFromTheCache() {
    assertThat(orchestrator("build", "--platform", BOTH).exitCode()).isZero();

    // --force: the images are up to date, so without it buildx would not run at all.
    Cli again = orchestrator("build", "--platform", BOTH, "--json", "--force");

    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out())
        .doesNotContain("\"status\": \"built\"")
        .contains("\"status\": \"cached\"");
  }

  @Test
  void aTooSmallBudgetFailsWithTheBudgetExitCodeNamingTheOvershoot() {
    repo.file("services/lone/service.yaml", "budget: 1MB\n");

    Cli build = orchestrator("build", "lone", "--platform", BOTH);

    assertThat(build.exitCode()).as(build.toString()).isEqualTo(4);
    assertThat(build.out())
        .containsPattern(
            "OVER BUDGET lone linux/arm64: uncompressed size [0-9.]+ MB is over its budget of 1.0 MB by")
        .contains("OVER BUDGET lone linux/amd64");
  }

  @Test
  void aFailingServiceSkipsItsDependentsWhileAnIndependentServiceBuilds() {
    repo.file("services/broken/Dockerfile", "FROM base\nRUN echo about to fail && false\n");
    repo.file("services/child/Dockerfile", "FROM broken\n");

    Cli build = orchestrator("build", "--json");

    assertThat(build.exitCode()).as(build.toString()).isEqualTo(1);
    assertThat(build.out())
        .containsPattern("\"name\": \"broken\",[^}]*\"status\": \"failed\"")
        .containsPattern(
            "\"name\": \"child\",[^}]*\"status\": \"skipped\",[^}]*"
                + "\"message\": \"dependency broken failed\"")
        .containsPattern("\"name\": \"lone\",[^}]*\"status\": \"(built|cached)\"");
    assertThat(docker("image", "inspect", repo.image("child")).result().exitCode()).isNotZero();
  }

  @Test
  void aPrepareCommandThatDoesNotExistFailsOnlyItsServiceWhileAnIndependentServiceBuilds() {
    repo.file("services/prepped/Dockerfile", "FROM base\n");
    repo.file("services/prepped/service.yaml", "prepare:\n  command: [no-such-program-here]\n");
    repo.file("services/after/Dockerfile", "FROM prepped\n");

    Cli build = orchestrator("build", "--json");

    assertThat(build.exitCode()).as(build.toString()).isEqualTo(1);
    assertThat(build.out())
        .containsPattern("\"name\": \"prepped\",[^}]*\"status\": \"failed\"")
        .containsPattern(
            "\"name\": \"after\",[^}]*\"status\": \"skipped\",[^}]*"
                + "\"message\": \"dependency prepped failed\"")
        .containsPattern("\"name\": \"lone\",[^}]*\"status\": \"(built|cached)\"");
  }

  @Test
  void aFailureShowsTheBuildOutput() {
    repo.file("services/broken/Dockerfile", "FROM base\nRUN echo about to fail && false\n");

    Cli build = orchestrator("build", "broken");

    assertThat(build.exitCode()).isEqualTo(1);
    assertThat(build.out())
        .contains("FAILED broken: docker buildx bake exited with 1")
        .contains("about to fail");
  }

  @Test
  void aSecretReachesTheBuildButNeitherTheImageNorTheOutput() throws Exception {
    repo.file("secret.txt", "s3cret-value");
    // The Dockerfile holds only the secret's digest, so the value can appear nowhere but the file.
    String sha256 =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest("s3cret-value".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    repo.file(
        "services/uses-secret/Dockerfile",
        """
        FROM base
        RUN --mount=type=secret,id=token,required=true \\
            test "$(sha256sum < /run/secrets/token | cut -c1-64)" = %s && echo checked > /checked
        """
            .formatted(sha256));
    repo.file(
        "services/uses-secret/service.yaml",
        "secrets:\n  - {id: token, src: " + root.resolve("secret.txt") + "}\n");

    Cli build = orchestrator("build", "uses-secret", "-v");

    assertThat(build.exitCode()).as(build.toString()).isZero();
    assertThat(build.out() + build.err()).doesNotContain("s3cret-value");
    assertThat(
            docker("run", "--rm", "--entrypoint", "/bin/cat", repo.image("uses-secret"), "/checked")
                .output())
        .isEqualTo("checked");
    assertThat(
            docker(
                    "run",
                    "--rm",
                    "--entrypoint",
                    "/bin/ls",
                    repo.image("uses-secret"),
                    "/run/secrets")
                .output())
        .doesNotContain("token");
  }

  @Test
  void aServiceListingItsPlatformsIsBuiltOnlyForThose() {
    repo.file("services/lone/service.yaml", "platforms: [linux/amd64]\n");

    Cli build = orchestrator("build", "lone", "--platform", BOTH, "--json");

    assertThat(build.exitCode()).as(build.toString()).isZero();
    assertThat(build.out())
        .contains("\"platform\": \"linux/amd64\"")
        .doesNotContain("\"platform\": \"linux/arm64\"");
    assertThat(
            docker("run", "--rm", "--platform", "linux/arm64", repo.image("lone"))
                .result()
                .exitCode())
        .isNotZero();

    Cli again = orchestrator("build", "lone", "--platform", BOTH, "--json");

    assertThat(again.out())
        .contains("\"status\": \"up-to-date\"")
        .doesNotContain("\"platform\": \"linux/arm64\"");
  }

  @Test
  void aCycleGivesTheConfigurationExitCodeAndPrintsTheCycle() {
    repo.file("services/base/service.yaml", "dependsOn: [leaf]\n");

    Cli build = orchestrator("build");

    assertThat(build.exitCode()).isEqualTo(3);
    assertThat(build.err())
        .contains("dependency cycle: base -> leaf -> base")
        .doesNotContain("Exception");
  }

  @Test
  void aBadServiceYamlNamesFileLineAndExpectedForm() {
    repo.file("services/mid/service.yaml", "budget: 10MB\nplatforms: linux/amd64\nfoo: 1\n");

    Cli build = orchestrator("build");

    assertThat(build.exitCode()).isEqualTo(3);
    assertThat(build.err())
        .contains(root.resolve("services/mid/service.yaml") + ":2:")
        .contains(root.resolve("services/mid/service.yaml") + ":3:")
        .contains("foo")
        .doesNotContain("Exception");
  }

  @Test
  void dryRunPrintsTheExactCommandsAndBuildsNothing() {
    Cli dry = orchestrator("build", "leaf", "--dry-run", "--platform", BOTH);

    assertThat(dry.exitCode()).as(dry.toString()).isZero();
    assertThat(dry.out())
        .contains("wave 1: base", "wave 2: mid", "wave 3: leaf")
        .contains("# bake batch 1\nBUILDX_GIT_INFO=false docker buildx bake --file ")
        .contains("# bake batch 1 definition\n{")
        .contains("\"platforms\" : [ \"linux/amd64\", \"linux/arm64\" ]")
        .contains("\"base\" : \"target:base\"", "\"mid\" : \"target:mid\"")
        .doesNotContain("# bake batch 2");
    assertThat(docker("image", "inspect", repo.image("base")).result().exitCode()).isNotZero();
  }

  @Test
  void listAndPlanPrintTheirJsonContracts() {
    Cli list = orchestrator("list", "--json");
    Cli plan = orchestrator("plan", "--json");

    assertThat(list.out())
        .contains("\"name\": \"leaf\"", "\"dockerfile\": \"services/leaf/Dockerfile\"")
        .containsPattern(
            "\"name\": \"leaf\",[^}]*\"dependsOn\": \\[\\s*\"base\",\\s*\"mid\"\\s*\\]");
    assertThat(plan.out().replaceAll("\\s", ""))
        .isEqualTo("{\"waves\":[[\"base\",\"lone\"],[\"mid\"],[\"leaf\"]]}");
  }

  @Test
  void noEngineGivesItsExitCodeAndNamesMakeEngine() {
    Orchestrator unreachable =
        new Orchestrator(
            SystemCommandRunner.inheritingEnvironment(),
            () -> {
              throw new EnvironmentException(
                  "no Docker engine answers at unix:///nonexistent.sock",
                  "run `make engine` to install and start one");
            });

    Cli build = Cli.run(unreachable, "build", "--root", root.toString());

    assertThat(build.exitCode()).isEqualTo(5);
    assertThat(build.err()).contains("make engine");
  }

  @Test
  void usageErrorsGiveExitCodeTwo() {
    assertThat(Cli.run(List.of("build", "--no-such-flag")).exitCode()).isEqualTo(2);
    assertThat(orchestrator("build", "--jobs", "0").exitCode()).isEqualTo(2);
    assertThat(orchestrator("plan", "--platform", "linux/amd64;$(id)").exitCode()).isEqualTo(2);
    assertThat(orchestrator("build", "--dry-run", "--platform", "linux/amd65").exitCode())
        .isEqualTo(2);
    assertThat(orchestrator("build", "--dry-run", "--platform", "").exitCode()).isEqualTo(2);
  }
}
