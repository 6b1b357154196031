package dev.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.lint.LintReport;
import dev.orchestrator.core.process.RecordingCommandRunner;
import dev.orchestrator.core.progress.BuildEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint as a verb and at the start of every build: an error stops the build (dry runs too) before
 * the engine, buildx, Maven or the lock are touched; warnings are told and the build goes on.
 */
class LintThroughRunnerTest {
  private static final String SECRET = "FROM scratch\nENV DB_PASSWORD=hunter2\nCOPY a /a\n";
  private static final String UNPINNED =
      "FROM alpine:3.19\nUSER 1000\nHEALTHCHECK CMD [\"true\"]\n";

  @TempDir Path root;
  private final RecordingCommandRunner runner = new RecordingCommandRunner();
  private final List<BuildEvent> events = new ArrayList<>();

  @BeforeEach
  void repository() {
    new TestRepository(root)
        .profile("local", "platforms: [linux/amd64]\noutput: load\ncache: {type: none}\n")
        .profile("strict", "platforms: [linux/amd64]\nlint: {warnings-as-errors: true}\n");
    runner.answer(
        List.of("git", "-C", root.toString(), "ls-files"), 128, "fatal: not a git repository");
  }

  private Orchestrator orchestrator() {
    return new Orchestrator(
        runner,
        () -> {
          throw new AssertionError("lint needs no engine, and a lint error stops before it");
        },
        Map.of());
  }

  private BuildOutcome build(boolean dryRun, String profile) {
    return orchestrator()
        .build(
            BuildRequest.builder(root).profile(Optional.of(profile)).dryRun(dryRun).build(),
            events::add);
  }

  @Test
  void aLintErrorStopsTheBuildBeforeAnythingRuns() {
    new TestRepository(root).service("api", SECRET).service("web", UNPINNED);

    ConfigurationException e =
        catchThrowableOfType(() -> build(false, "local"), ConfigurationException.class);

    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).toString())
        .startsWith(
            "services/api/Dockerfile:2: lint error: api: ENV DB_PASSWORD puts a credential in the"
                + " image's configuration [secret-in-env]; fix: ");
    assertThat(runner.argvs()).allMatch(argv -> argv.get(0).equals("git"));
    assertThat(root.resolve(".cache")).doesNotExist();
    assertThat(events).isEmpty();
  }

  @Test
  void aDryRunLintsToo() {
    new TestRepository(root).service("api", SECRET);

    assertThat(catchThrowableOfType(() -> build(true, "local"), ConfigurationException.class))
        .hasMessageContaining("[secret-in-env]");
  }

  @Test
  void warningsAreToldAndTheBuildGoesOn() {
    new TestRepository(root).service("web", UNPINNED);

    BuildOutcome outcome = build(true, "local");

    assertThat(outcome.commands()).isNotEmpty();
    assertThat(events)
        .filteredOn(BuildEvent.Phase.class::isInstance)
        .map(e -> ((BuildEvent.Phase) e).service() + " " + ((BuildEvent.Phase) e).message())
        .filteredOn(m -> m.contains("warning: services/web/Dockerfile:1"))
        .containsExactly(
            "web warning: services/web/Dockerfile:1: FROM 'alpine:3.19' is not pinned by digest,"
                + " so its content can change [base-not-pinned]; fix: pin it by digest: FROM"
                + " image:tag@sha256:<digest> (docker buildx imagetools inspect image:tag prints"
                + " it)");
  }

  @Test
  void aProfileMakesWarningsErrors() {
    new TestRepository(root).service("web", UNPINNED);

    assertThat(catchThrowableOfType(() -> build(true, "strict"), ConfigurationException.class))
        .hasMessageContaining("lint warning (an error by the profile's lint.warnings-as-errors)");
    LintReport report = orchestrator().lint(root, Optional.of("strict"), List.of());
    assertThat(report.errors()).hasSize(1);
  }

  @Test
  void lintLooksAtTheNamedServicesOnlyAndRefusesAnUnknownOne() {
    new TestRepository(root)
        .service("base", "FROM alpine:3.19\nCOPY a /a\n")
        .service("web", "FROM base\nENV PORT=1\nCOPY a /a\n");

    LintReport report = orchestrator().lint(root, Optional.empty(), List.of("web"));

    assertThat(report.services()).containsExactly("web");
    assertThat(
            catchThrowableOfType(
                () -> orchestrator().lint(root, Optional.empty(), List.of("nope")),
                ConfigurationException.class))
        .hasMessageContaining("unknown service(s): nope");
  }

  @Test
  void anUnknownIgnoredRuleFailsLintAndBuildWithItsLine() {
    new TestRepository(root)
        .service("web", UNPINNED)
        .write("services/web/service.yaml", "budget: 10MB\nlint:\n  ignore: [no-root]\n");

    ConfigurationException e =
        catchThrowableOfType(() -> build(true, "local"), ConfigurationException.class);

    assertThat(e.problems().get(0).file()).isEqualTo(root.resolve("services/web/service.yaml"));
    assertThat(e.problems().get(0).line()).isEqualTo(3);
    assertThat(e.problems().get(0).message()).contains("unknown rule 'no-root'");
  }
}
