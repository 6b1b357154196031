package dev.orchestrator.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.result.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rule on a Dockerfile that breaks it and on one that does not. */
class LinterTest {
  private static final String DIGEST =
      "@sha256:0000000000000000000000000000000000000000000000000000000000000000";

  /** Breaks no rule: pinned, tagged, non-root, with a health check. */
  private static final String CLEAN =
      "FROM alpine:3.19"
          + DIGEST
          + "\nUSER 10001:10001\nHEALTHCHECK CMD [\"true\"]\nCMD [\"sleep\", \"1d\"]\n";

  private static List<String> rules(String dockerfile) {
    return new LintFixtures().service("app", dockerfile).rules("app");
  }

  private static Finding only(String dockerfile) {
    List<Finding> findings = new LintFixtures().service("app", dockerfile).lint("app").findings();
    assertThat(findings).hasSize(1);
    return findings.get(0);
  }

  @Test
  void aCleanDockerfileBreaksNoRule() {
    LintReport report = new LintFixtures().service("app", CLEAN).lint("app");

    assertThat(report.findings()).isEmpty();
    assertThat(report.services()).containsExactly("app");
    assertThat(report.verdict()).isEqualTo(Verdict.OK);
  }

  @Test
  void anExternalImageWithoutDigestIsNotPinned() {
    Finding f = only(CLEAN.replace(DIGEST, ""));

    assertThat(f.rule()).isEqualTo(Rule.BASE_NOT_PINNED);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.file()).isEqualTo(Path.of("services/app/Dockerfile"));
    assertThat(f.line()).isEqualTo(1);
    assertThat(f.service()).isEqualTo("app");
    assertThat(f.message())
        .isEqualTo("FROM 'alpine:3.19' is not pinned by digest, so its content can change");
  }

  @Test
  void builderStagesAndCopyFromImagesMustBePinnedToo() {
    String dockerfile =
        "FROM maven:3.9 AS build\n"
            + "RUN mvn package\n"
            + "FROM alpine:3.19"
            + DIGEST
            + "\nCOPY --from=busybox:1.36 /bin/busybox /bin/\n"
            + "COPY --from=build /app.jar /app.jar\n"
            + "USER 1000\nHEALTHCHECK CMD [\"true\"]\nCMD [\"x\"]\n";

    assertThat(new LintFixtures().service("app", dockerfile).lint("app").findings())
        .extracting(Finding::line, f -> f.rule().id())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "base-not-pinned"),
            org.assertj.core.groups.Tuple.tuple(4, "base-not-pinned"));
  }

  @Test
  void inRepoServicesScratchAndStagesNeedNoDigest() {
    LintFixtures repo =
        new LintFixtures()
            .service("base", "FROM scratch\nCOPY rootfs/ /\n")
            .service(
                "app",
                "FROM base AS runtime\nFROM runtime\nUSER 1000\nHEALTHCHECK CMD [\"true\"]\n"
                    + "CMD [\"x\"]\n");

    assertThat(repo.rules("app")).isEmpty();
    assertThat(repo.rules("base")).isEmpty();
  }

  @Test
  void anUntaggedOrLatestImageIsLatest() {
    assertThat(rules(CLEAN.replace("alpine:3.19" + DIGEST, "alpine")))
        .containsExactly("base-not-pinned", "latest-tag");
    assertThat(rules(CLEAN.replace("alpine:3.19" + DIGEST, "alpine:latest")))
        .containsExactly("base-not-pinned", "latest-tag");
    // The port is not a tag.
    assertThat(rules(CLEAN.replace("alpine:3.19" + DIGEST, "localhost:5000/team/app")))
        .containsExactly("base-not-pinned", "latest-tag");
  }

  @Test
  void aTaggedOrPinnedImageIsNotLatest() {
    assertThat(rules(CLEAN.replace(DIGEST, ""))).doesNotContain("latest-tag");
    assertThat(rules(CLEAN.replace("alpine:3.19" + DIGEST, "localhost:5000/app:1.2")))
        .doesNotContain("latest-tag");
    // A digest decides the content whatever the tag says.
    assertThat(rules(CLEAN.replace("alpine:3.19", "alpine:latest"))).isEmpty();
    assertThat(rules(CLEAN.replace("alpine:3.19", "alpine"))).isEmpty();
  }

  @Test
  void withoutUserTheFinalStageRunsAsItsBasesUser() {
    Finding f = only(CLEAN.replace("USER 10001:10001\n", ""));

    assertThat(f.rule()).isEqualTo(Rule.NO_USER);
    assertThat(f.line()).isEqualTo(1);
    assertThat(f.message())
        .isEqualTo(
            "the final stage sets no USER, nor does any stage it is built FROM, so it runs as"
                + " 'alpine:3.19"
                + DIGEST
                + "' does: root unless that image sets one");
  }

  @Test
  void aUserOfAnEarlierStageOrAnInRepoBaseCounts() {
    LintFixtures repo =
        new LintFixtures()
            .service("base", "FROM scratch\nUSER 1000:1000\nHEALTHCHECK CMD [\"true\"]\n")
            .service("app", "FROM base\nCMD [\"x\"]\n")
            .service(
                "staged",
                "FROM scratch AS runtime\nUSER 1000\nFROM runtime\nHEALTHCHECK CMD [\"true\"]\n"
                    + "CMD [\"x\"]\n");

    assertThat(repo.rules("app")).isEmpty();
    assertThat(repo.rules("staged")).isEmpty();
  }

  @Test
  void aUserInAnUnrelatedStageDoesNotCount() {
    String dockerfile =
        "FROM scratch AS tools\nUSER 1000\nFROM scratch\nHEALTHCHECK CMD [\"true\"]\n"
            + "CMD [\"x\"]\n";

    Finding f = only(dockerfile);
    assertThat(f.rule()).isEqualTo(Rule.NO_USER);
    assertThat(f.line()).isEqualTo(3);
    assertThat(f.message()).endsWith("so it runs as root");
  }

  @Test
  void uidZeroInAnyFormIsRoot() {
    for (String user : List.of("root", "0", "0:0", "root:root", "0:1000")) {
      Finding f = only(CLEAN.replace("USER 10001:10001", "USER " + user));
      assertThat(f.rule()).as(user).isEqualTo(Rule.ROOT_USER);
      assertThat(f.line()).isEqualTo(2);
      assertThat(f.message()).isEqualTo("the final stage runs as uid 0: USER " + user);
    }
  }

  @Test
  void aNonRootUserAfterRootIsNotRoot() {
    assertThat(rules(CLEAN.replace("USER 10001:10001", "USER root\nRUN apk add curl\nUSER app")))
        .isEmpty();
    assertThat(rules(CLEAN.replace("USER 10001:10001", "USER 1000:0"))).isEmpty();
  }

  @Test
  void aUserFromAnArgIsSubstituted() {
    assertThat(rules(CLEAN.replace("USER 10001:10001", "ARG UID=0\nUSER ${UID}")))
        .containsExactly("root-user");
    assertThat(rules(CLEAN.replace("USER 10001:10001", "ARG UID=1000\nUSER ${UID}"))).isEmpty();
  }

  @Test
  void rootInheritedFromAnInRepoBaseIsReportedAtTheFinalStageNamingTheBase() {
    LintFixtures repo =
        new LintFixtures()
            .service("base", "FROM scratch\nUSER root\n")
            .service("app", "FROM base\nHEALTHCHECK CMD [\"true\"]\nCMD [\"x\"]\n");

    List<Finding> findings = repo.lint("app").findings();
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).rule()).isEqualTo(Rule.ROOT_USER);
    assertThat(findings.get(0).line()).isEqualTo(1);
    assertThat(findings.get(0).message())
        .isEqualTo(
            "the final stage runs as uid 0: USER root, inherited from the in-repo base base"
                + " (Dockerfile:2)");
  }

  @Test
  void withoutHealthcheckTheImageHasNone() {
    Finding f = only(CLEAN.replace("HEALTHCHECK CMD [\"true\"]\n", ""));

    assertThat(f.rule()).isEqualTo(Rule.NO_HEALTHCHECK);
    assertThat(f.line()).isEqualTo(1);
    assertThat(f.message()).isEqualTo("the image has no HEALTHCHECK");
  }

  @Test
  void healthcheckNoneTurnsItOff() {
    LintFixtures repo =
        new LintFixtures()
            .service("base", "FROM scratch\nUSER 1000\nHEALTHCHECK CMD [\"true\"]\n")
            .service("app", "FROM base\nHEALTHCHECK NONE\nCMD [\"x\"]\n");

    Finding f = repo.lint("app").findings().get(0);
    assertThat(f.rule()).isEqualTo(Rule.NO_HEALTHCHECK);
    assertThat(f.line()).isEqualTo(2);
    assertThat(f.message()).isEqualTo("HEALTHCHECK NONE turns the health check off");
  }

  @Test
  void aHealthcheckOfAnInRepoBaseCounts() {
    LintFixtures repo =
        new LintFixtures()
            .service("base", "FROM scratch\nHEALTHCHECK CMD [\"true\"]\nUSER 1000\n")
            .service("app", "FROM base\nCMD [\"x\"]\n");

    assertThat(repo.rules("app")).isEmpty();
  }

  @Test
  void serviceYamlsHealthDoesNotStandInForAHealthcheck() {
    Finding f =
        new LintFixtures()
            .service(
                "app",
                CLEAN.replace("HEALTHCHECK CMD [\"true\"]\n", ""),
                d ->
                    d.health(
                        Optional.of(
                            new ServiceDescriptor.HealthCheck("/health", Duration.ofSeconds(60)))))
            .lint("app")
            .findings()
            .get(0);

    assertThat(f.rule()).isEqualTo(Rule.NO_HEALTHCHECK);
    assertThat(f.message()).contains("service.yaml's health is verify's probe only");
  }

  @Test
  void basesAreNotRunSoTheirUserAndHealthcheckAreNotChecked() {
    LintFixtures repo =
        new LintFixtures()
            .service("runtime", "FROM scratch\nCOPY rootfs/ /\n")
            .service("declared", "FROM scratch\nCMD [\"sh\"]\n", d -> d.base(true))
            .service("app", "FROM runtime\nUSER 1000\nHEALTHCHECK CMD [\"true\"]\nCMD [\"x\"]\n")
            .service("lonely", "FROM scratch\nCOPY x /x\n");

    assertThat(repo.rules("runtime")).isEmpty();
    assertThat(repo.rules("declared")).isEmpty();
    // Nobody builds FROM it, so it is meant to be run (with the command of its base, say).
    assertThat(repo.rules("lonely")).containsExactly("no-user", "no-healthcheck");
  }

  @Test
  void aBaseWithACommandIsRunSoItIsChecked() {
    LintFixtures repo =
        new LintFixtures()
            .service("runtime", "FROM scratch\nCMD [\"sh\"]\n")
            .service("app", "FROM runtime\nUSER 1000\nHEALTHCHECK CMD [\"true\"]\n");

    assertThat(repo.rules("runtime")).containsExactly("no-user", "no-healthcheck");
  }

  @Test
  void aCredentialInEnvIsAnError() {
    Finding f = only(CLEAN.replace("USER", "ENV DB_PASSWORD=hunter2\nUSER"));

    assertThat(f.rule()).isEqualTo(Rule.SECRET_IN_ENV);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.line()).isEqualTo(2);
    assertThat(f.message())
        .isEqualTo("ENV DB_PASSWORD puts a credential in the image's configuration");
  }

  @Test
  void credentialNamesInEveryForm() {
    for (String env :
        List.of(
            "API_KEY=x",
            "apiKey=x",
            "GITHUB_TOKEN abc",
            "AWS_SECRET_ACCESS_KEY=x",
            "SSH_PRIVATE_KEY=x",
            "GOOGLE_APPLICATION_CREDENTIALS=x",
            "REDIS_PASSWD=$PW",
            "A=1 CLIENT_SECRET=x")) {
      assertThat(rules(CLEAN.replace("USER", "ENV " + env + "\nUSER")))
          .as(env)
          .containsExactly("secret-in-env");
    }
  }

  @Test
  void notCredentials() {
    for (String env :
        List.of(
            "DB_PASSWORD_FILE=/run/secrets/db",
            "TOKEN_URL=https://auth.example.com/token",
            "API_TOKEN=",
            "PORT=8080",
            "SSL_CERT_FILE=/etc/ssl/certs/ca.crt",
            "KEY_ID=abc")) {
      assertThat(rules(CLEAN.replace("USER", "ENV " + env + "\nUSER"))).as(env).isEmpty();
    }
  }

  @Test
  void aCredentialInArgIsAWarningInEveryStageAndBeforeTheFirstFrom() {
    String dockerfile =
        "ARG REGISTRY_TOKEN\nFROM maven:3.9"
            + DIGEST
            + " AS build\nARG NPM_TOKEN\nARG VERSION=1\n"
            + CLEAN;

    List<Finding> findings = new LintFixtures().service("app", dockerfile).lint("app").findings();
    assertThat(findings)
        .extracting(Finding::line, f -> f.rule().id(), Finding::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "secret-in-arg", Severity.WARNING),
            org.assertj.core.groups.Tuple.tuple(3, "secret-in-arg", Severity.WARNING));
    assertThat(findings.get(1).message())
        .isEqualTo("ARG NPM_TOKEN passes a credential as a build argument");
  }

  @Test
  void addOfAUrlNeedsAChecksum() {
    Finding f = only(CLEAN.replace("USER", "ADD https://example.com/tool.tar.gz /opt/\nUSER"));

    assertThat(f.rule()).isEqualTo(Rule.ADD_URL_WITHOUT_CHECKSUM);
    assertThat(f.line()).isEqualTo(2);
    assertThat(f.message()).isEqualTo("ADD https://example.com/tool.tar.gz has no --checksum");
  }

  @Test
  void addWithAChecksumOrOfALocalFileIsFine() {
    assertThat(
            rules(
                CLEAN.replace(
                    "USER",
                    "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d"
                        + " https://example.com/tool.tar.gz /opt/\nUSER")))
        .isEmpty();
    assertThat(rules(CLEAN.replace("USER", "ADD rootfs.tar /\nUSER"))).isEmpty();
  }

  @Test
  void onlyACredentialInEnvIsAnErrorByDefault() {
    assertThat(List.of(Rule.values()))
        .filteredOn(r -> r.severity() == Severity.ERROR)
        .containsExactly(Rule.SECRET_IN_ENV);
  }

  @Test
  void anIgnoredRuleIsCountedApart() {
    LintReport report =
        new LintFixtures()
            .service(
                "app",
                CLEAN.replace("HEALTHCHECK CMD [\"true\"]\n", "").replace(DIGEST, ""),
                d -> d.lintIgnore(List.of("no-healthcheck")))
            .lint("app");

    assertThat(report.findings()).extracting(f -> f.rule().id()).containsExactly("base-not-pinned");
    assertThat(report.ignored()).extracting(f -> f.rule().id()).containsExactly("no-healthcheck");
  }

  @Test
  void anUnknownIgnoredRuleIsAConfigurationErrorAtItsLine() {
    Path descriptor = LintFixtures.ROOT.resolve("services/app/service.yaml");
    LintFixtures repo =
        new LintFixtures()
            .service(
                "app",
                CLEAN,
                d ->
                    d.lintIgnore(List.of("no-healthcheck", "no-root"))
                        .lines(Map.of(ServiceDescriptor.lintIgnoreLineKey("no-root"), 3)));

    ConfigurationException e =
        catchThrowableOfType(() -> repo.lint("app"), ConfigurationException.class);

    assertThat(e.problems())
        .containsExactly(
            new Problem(
                descriptor,
                3,
                "service 'app': 'lint.ignore' names the unknown rule 'no-root'; known rules:"
                    + " base-not-pinned, latest-tag, no-user, root-user, no-healthcheck,"
                    + " secret-in-env, secret-in-arg, add-url-without-checksum"));
  }

  @Test
  void warningsAsErrorsMakesEveryFindingAnError() {
    LintFixtures repo = new LintFixtures().service("app", CLEAN.replace(DIGEST, ""));

    LintReport lenient = repo.lint("app");
    LintReport strict = repo.lint(new Profile.Lint(true), "app");

    assertThat(lenient.verdict()).isEqualTo(Verdict.OK);
    assertThat(lenient.warnings()).hasSize(1);
    assertThat(strict.verdict()).isEqualTo(Verdict.BAD_CONFIGURATION);
    assertThat(strict.errors()).extracting(Finding::rule).containsExactly(Rule.BASE_NOT_PINNED);
    assertThat(strict.warningsAsErrors()).isTrue();
    ConfigurationException e =
        catchThrowableOfType(strict::throwIfErrors, ConfigurationException.class);
    assertThat(e.problems())
        .containsExactly(
            new Problem(
                Path.of("services/app/Dockerfile"),
                1,
                "lint warning (an error by the profile's lint.warnings-as-errors): app: FROM"
                    + " 'alpine:3.19' is not pinned by digest, so its content can change"
                    + " [base-not-pinned]; fix: "
                    + Rule.BASE_NOT_PINNED.fix()));
  }

  @Test
  void warningsAloneDoNotThrow() {
    new LintFixtures().service("app", CLEAN.replace(DIGEST, "")).lint("app").throwIfErrors();
  }

  @Test
  void findingsAreSortedByServiceThenLine() {
    LintReport report =
        new LintFixtures()
            .service("b", CLEAN.replace(DIGEST, ""))
            .service("a", CLEAN.replace("USER", "ADD http://x/y /y\nUSER").replace(DIGEST, ""))
            .lint("b", "a");

    assertThat(report.services()).containsExactly("a", "b");
    assertThat(report.findings())
        .extracting(Finding::service, Finding::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", 1),
            org.assertj.core.groups.Tuple.tuple("a", 2),
            org.assertj.core.groups.Tuple.tuple("b", 1));
  }
}
