package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orchestrator lint}: its three formats, its exit codes, and {@code build}'s use of it. */
class LintCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--root", root.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        CliFactory.create(new PrintWriter(out, true), new PrintWriter(err, true), false)
            .execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  /** web: a warning at line 1 (no digest); api: an error at line 3 (a password in ENV). */
  private void twoServices() throws IOException {
    write("services/web/Dockerfile", "FROM nginx:1.25\nUSER 101\nHEALTHCHECK CMD [\"true\"]\n");
    write(
        "services/api/Dockerfile",
        "FROM scratch\nUSER 1000\nENV DB_PASSWORD=hunter2\nHEALTHCHECK CMD [\"true\"]\n"
            + "CMD [\"api\"]\n");
  }

  @Test
  void textNamesFileLineSeverityRuleAndFixAndAnErrorExitsThree() throws IOException {
    twoServices();

    Run run = run("lint");

    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(run.out().lines())
        .containsExactly(
            "services/api/Dockerfile:3: error: api: ENV DB_PASSWORD puts a credential in the"
                + " image's configuration [secret-in-env]",
            "  fix: pass it at build time with RUN --mount=type=secret (secrets: in service.yaml),"
                + " and at run time from the environment",
            "services/web/Dockerfile:1: warning: web: FROM 'nginx:1.25' is not pinned by digest,"
                + " so its content can change [base-not-pinned]",
            "  fix: pin it by digest: FROM image:tag@sha256:<digest> (docker buildx imagetools"
                + " inspect image:tag prints it)",
            "lint: 2 services, 1 error, 1 warning, 0 ignored in service.yaml");
  }

  @Test
  void warningsAloneExitZero() throws IOException {
    twoServices();

    Run run = run("lint", "web");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .endsWith("lint: 1 service, 0 errors, 1 warning, 0 ignored in service.yaml\n");
  }

  @Test
  void sarifHasEveryRuleAndAResultPerFindingWithLevelUriAndLine() throws IOException {
    twoServices();

    Run run = run("lint", "--format", "sarif");

    assertThat(run.exit()).isEqualTo(ExitCodes.CONFIGURATION);
    JsonNode log = JSON.readTree(run.out());
    assertThat(log.path("version").asText()).isEqualTo("2.1.0");
    assertThat(log.path("$schema").asText()).isEqualTo(LintJson.SARIF_SCHEMA);
    JsonNode sarifRun = log.path("runs").get(0);
    JsonNode rules = sarifRun.path("tool").path("driver").path("rules");
    assertThat(rules.findValuesAsText("id"))
        .containsExactly(
            "base-not-pinned",
            "latest-tag",
            "no-user",
            "root-user",
            "no-healthcheck",
            "secret-in-env",
            "secret-in-arg",
            "add-url-without-checksum");
    assertThat(rules.get(5).path("defaultConfiguration").path("level").asText()).isEqualTo("error");
    assertThat(rules.get(0).path("defaultConfiguration").path("level").asText())
        .isEqualTo("warning");
    assertThat(rules.get(0).path("help").path("text").asText()).startsWith("Fix: pin it by digest");
    JsonNode results = sarifRun.path("results");
    assertThat(results).hasSize(2);
    JsonNode secret = results.get(0);
    assertThat(secret.path("ruleId").asText()).isEqualTo("secret-in-env");
    assertThat(secret.path("ruleIndex").asInt()).isEqualTo(5);
    assertThat(secret.path("level").asText()).isEqualTo("error");
    assertThat(secret.path("message").path("text").asText())
        .startsWith("api: ENV DB_PASSWORD puts a credential");
    JsonNode location = secret.path("locations").get(0).path("physicalLocation");
    assertThat(location.path("artifactLocation").path("uri").asText())
        .isEqualTo("services/api/Dockerfile");
    assertThat(location.path("region").path("startLine").asInt()).isEqualTo(3);
    JsonNode pin = results.get(1);
    assertThat(pin.path("ruleId").asText()).isEqualTo("base-not-pinned");
    assertThat(pin.path("level").asText()).isEqualTo("warning");
    assertThat(
            pin.path("locations")
                .get(0)
                .path("physicalLocation")
                .path("artifactLocation")
                .path("uri")
                .asText())
        .isEqualTo("services/web/Dockerfile");
    assertThat(
            pin.path("locations")
                .get(0)
                .path("physicalLocation")
                .path("region")
                .path("startLine")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void jsonListsFindingsAndIgnoredOnesApart() throws IOException {
    twoServices();
    write(
        "services/web/service.yaml",
        "# nginx is pinned by the platform team's mirror\n"
            + "lint: {ignore: [base-not-pinned]}\n");

    Run run = run("lint", "--json");

    assertThat(run.exit()).isEqualTo(ExitCodes.CONFIGURATION);
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.path("errors").asInt()).isEqualTo(1);
    assertThat(json.path("warnings").asInt()).isZero();
    assertThat(json.path("ignored").asInt()).isEqualTo(1);
    JsonNode finding = json.path("findings").get(0);
    assertThat(finding.path("service").asText()).isEqualTo("api");
    assertThat(finding.path("rule").asText()).isEqualTo("secret-in-env");
    assertThat(finding.path("severity").asText()).isEqualTo("error");
    assertThat(finding.path("file").asText()).isEqualTo("services/api/Dockerfile");
    assertThat(finding.path("line").asInt()).isEqualTo(3);
    assertThat(finding.path("fix").asText()).startsWith("pass it at build time");
    assertThat(json.path("ignoredFindings").get(0).path("rule").asText())
        .isEqualTo("base-not-pinned");
  }

  @Test
  void anUnknownIgnoredRuleIsABadConfigurationWithFileAndLine() throws IOException {
    twoServices();
    write("services/web/service.yaml", "lint:\n  ignore:\n    - base-not-pined\n");

    Run run = run("lint", "web");

    assertThat(run.exit()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(run.err())
        .contains(
            root.resolve("services/web/service.yaml")
                + ":3: service 'web': 'lint.ignore' names the unknown rule 'base-not-pined'");
  }

  @Test
  void buildRefusesALintErrorBeforeBuildingEvenInADryRun() throws IOException {
    twoServices();

    Run run = run("build", "--dry-run");

    assertThat(run.exit()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(run.err())
        .startsWith("error: bad configuration:\n")
        .contains(
            "services/api/Dockerfile:3: lint error: api: ENV DB_PASSWORD puts a credential in"
                + " the image's configuration [secret-in-env]; fix: ");
    assertThat(run.out()).doesNotContain("plan:", "docker");
  }

  @Test
  void buildPrintsWarningsAndGoesOnUnlessTheProfileMakesThemErrors() throws IOException {
    twoServices();

    Run lenient = run("build", "--dry-run", "web");

    assertThat(lenient.exit()).as(lenient.err()).isZero();
    assertThat(lenient.out())
        .contains(
            "[web] warning: services/web/Dockerfile:1: FROM 'nginx:1.25' is not pinned by digest")
        .contains("docker buildx bake");

    write(
        "buildx-profiles/strict.yaml",
        "platforms: [linux/amd64]\nlint: {warnings-as-errors: true}\n");
    Run strict = run("build", "--dry-run", "web", "--profile", "strict");

    assertThat(strict.exit()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(strict.err()).contains("[base-not-pinned]");
  }

  @Test
  void theSampleMonorepoPassesWithNoFinding() {
    Path repository = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(repository.resolve("services/base"))) {
      repository = repository.getParent();
    }
    root = repository;

    Run run = run("lint");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo("lint: 7 services, 0 errors, 0 warnings, 0 ignored in service.yaml\n");
  }
}
