package dev.orchestrator.core.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MavenOutputTest {
  /** A --fail-at-end reactor of three modules where app fails, as Maven 3.8 prints it. */
  private static final String TRANSCRIPT =
      """
      [INFO] Scanning for projects...
      [INFO] ------------------------------------------------------------------------
      [INFO] Reactor Build Order:
      [INFO]
      [INFO] kit                                                                [jar]
      [INFO] Billing App (the API)                                              [jar]
      [INFO] worker                                                             [jar]
      [INFO]
      [INFO] ---------------------------------< e2e:kit >----------------------------------
      [INFO] Building kit 1.0                                                    [1/3]
      [INFO] --------------------------------[ jar ]---------------------------------
      [INFO] --- maven-compiler-plugin:3.13.0:compile (default-compile) @ kit ---
      [INFO] -----------------------------< e2e:app >------------------------------
      [INFO] Building Billing App (the API) 1.0-SNAPSHOT                         [2/3]
      [INFO] --------------------------------[ jar ]---------------------------------
      [INFO] --- maven-compiler-plugin:3.13.0:compile (default-compile) @ app ---
      [ERROR] COMPILATION ERROR :
      [ERROR] /r/services/app/src/main/java/e2e/App.java:[1,13] <identifier> expected
      [INFO] 1 error
      [INFO] ------------------------------------------------------------------------
      [INFO] Reactor Summary for reactor 1.0:
      [INFO]
      [INFO] kit ................................................ SUCCESS [  1.203 s]
      [INFO] Billing App (the API) .............................. FAILURE [  0.412 s]
      [INFO] worker ............................................. SKIPPED
      [INFO] ------------------------------------------------------------------------
      [INFO] BUILD FAILURE
      [ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project app: Compilation failure
      """;

  @Test
  void theReactorSummaryGivesEachModulesStatusAModuleSkippedByItsArtifactId() {
    List<MavenOutput.Progress> progress = new ArrayList<>();
    MavenOutput output = new MavenOutput(progress::add);

    TRANSCRIPT.lines().forEach(output);

    assertThat(output.statuses())
        .isEqualTo(
            Map.of(
                "e2e:kit", MavenOutput.Status.SUCCESS,
                "e2e:app", MavenOutput.Status.FAILURE));
    assertThat(output.status("e2e:worker")).contains(MavenOutput.Status.SKIPPED);
    assertThat(progress)
        .containsExactly(
            new MavenOutput.Progress(0, 3, "kit"),
            new MavenOutput.Progress(1, 3, "Billing App (the API)"));
    assertThat(output.tailOf("e2e:app", 4))
        .containsSubsequence(
            "[ERROR] COMPILATION ERROR :",
            "[ERROR] /r/services/app/src/main/java/e2e/App.java:[1,13] <identifier> expected",
            "[INFO] 1 error");
  }

  @Test
  void ansiEscapesAreRemovedFromEveryLine() {
    MavenOutput output = new MavenOutput(p -> {});

    output.accept("\u001B[1;31m[ERROR]\u001B[m Failed \u001B[36mapp\u001B[0m");
    output.accept("[\u001B[1;34mINFO\u001B[m] -----< e2e:kit >-----");
    output.accept("[\u001B[1;34mINFO\u001B[m] Building kit 1.0 [1/1]");

    assertThat(output.lines())
        .containsExactly(
            "[ERROR] Failed app", "[INFO] -----< e2e:kit >-----", "[INFO] Building kit 1.0 [1/1]");
    assertThat(MavenOutput.plain("\u001B[0;1mplain\u001B[0m")).isEqualTo("plain");
  }

  @Test
  void withoutASummaryNoModuleHasAStatus() {
    MavenOutput output = new MavenOutput(p -> {});

    output.accept("[ERROR] Non-parseable POM /r/pom.xml: end tag name </project> must match");

    assertThat(output.statuses()).isEmpty();
  }
}
