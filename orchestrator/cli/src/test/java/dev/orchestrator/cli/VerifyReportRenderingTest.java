package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.report.VerifyText;
import dev.orchestrator.core.verify.Check;
import dev.orchestrator.core.verify.CheckResult;
import dev.orchestrator.core.verify.VerifyReport;
import dev.orchestrator.core.verify.VerifyRow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifyReportRenderingTest {
  private static final VerifyRow PASSED =
      new VerifyRow(
          "web",
          "linux/arm64",
          "m/web:latest",
          List.of(
              CheckResult.pass(Check.HEALTHY, "healthy after 4.6s"),
              CheckResult.pass(Check.PROCESS_USER, "uid 1000"),
              CheckResult.notApplicable(Check.SIZE, "2.0 MB (1.0 MB compressed); no budget")),
          Optional.of(Duration.ofMillis(4_600)),
          Optional.of(Duration.ofMillis(4_750)));
  private static final VerifyRow FAILED =
      new VerifyRow(
          "web-root",
          "linux/amd64",
          "m/web-root:latest",
          List.of(
              CheckResult.fail(Check.USER, "no USER (runs as root)"),
              CheckResult.fail(Check.PROCESS_USER, "uid 0"),
              CheckResult.fail(Check.HTTP, "GET /health on port 8080 → 404")),
          Optional.empty(),
          Optional.empty());
  private static final VerifyReport REPORT =
      new VerifyReport(List.of(PASSED, FAILED), Duration.ofMillis(12_300), false);

  @Test
  void theTableHasARowPerServiceAndPlatformWithTheTimesToHealthy() {
    String table = VerifyText.render(REPORT);

    assertThat(table)
        .containsPattern("web +linux/arm64 +passed +4\\.6s +4\\.8s")
        .containsPattern("web-root +linux/amd64 +FAILED +- +-");
  }

  @Test
  void theTableListsEveryCheckWithItsStatusAndDetail() {
    String table = VerifyText.render(REPORT);

    assertThat(table)
        .contains("web linux/arm64 (m/web:latest)")
        .containsPattern("pass +healthy +healthy after 4\\.6s")
        .containsPattern("n/a +size +2\\.0 MB \\(1\\.0 MB compressed\\); no budget")
        .containsPattern("fail +http +GET /health on port 8080 → 404");
  }

  @Test
  void failuresAreSummedUpNamingServicePlatformAndChecks() {
    String table = VerifyText.render(REPORT);

    assertThat(table)
        .contains(
            "VERIFY FAILED web-root linux/amd64: user (no USER (runs as root)), "
                + "process-user (uid 0), http (GET /health on port 8080 → 404)")
        .doesNotContain("VERIFY FAILED web ")
        .contains("2 service-platforms verified in 12.3s: 1 passed, 1 failed");
  }

  @Test
  void theJsonIsAnArrayOfRowsWithChecksAndSecondsToHealthy() {
    String json = Json.write(VerifyJson.of(REPORT)).replaceAll("\\s+", " ");

    assertThat(json)
        .startsWith(
            "[ { \"service\": \"web\", \"platform\": \"linux/arm64\", "
                + "\"image\": \"m/web:latest\", \"passed\": true, \"checks\": [ { \"name\": \"healthy\", "
                + "\"status\": \"pass\", \"detail\": \"healthy after 4.6s\" },")
        .contains("{ \"name\": \"size\", \"status\": \"n/a\", ")
        .contains("\"secondsToHealthy\": 4.6, \"secondsToHealthyReadOnly\": 4.75 }")
        .contains("\"passed\": false")
        .endsWith("\"secondsToHealthy\": null, \"secondsToHealthyReadOnly\": null } ]");
  }

  private static final VerifyRow CRASHED =
      new VerifyRow(
          "app",
          "linux/amd64",
          "m/app:latest",
          List.of(
              CheckResult.fail(Check.HEALTHY, "exited with code 1 after 0.4s")
                  .withOutput("starting\nno database at db:5432\n")),
          Optional.empty(),
          Optional.empty());
  private static final VerifyRow BASE =
      new VerifyRow(
          "base-jre",
          "linux/amd64",
          "m/base-jre:latest",
          List.of(CheckResult.notApplicable(Check.HEALTHY, "not run: a base (base: true)")),
          Optional.empty(),
          Optional.empty(),
          VerifyRow.Run.BASE);
  private static final VerifyRow NO_COMMAND =
      new VerifyRow(
          "tools",
          "linux/amd64",
          "m/tools:latest",
          List.of(CheckResult.notApplicable(Check.HEALTHY, "not run: not a runnable service")),
          Optional.empty(),
          Optional.empty(),
          VerifyRow.Run.NOT_RUNNABLE);

  @Test
  void aFailedContainersLastOutputIsShownUnderItsCheck() {
    VerifyReport report = new VerifyReport(List.of(CRASHED), Duration.ZERO, false);

    assertThat(VerifyText.render(report))
        .containsPattern("fail +healthy +exited with code 1 after 0\\.4s\n +its last output:\n")
        .contains("       | starting\n       | no database at db:5432\n");
    assertThat(Json.write(VerifyJson.of(report)))
        .contains("\"output\": \"starting\\nno database at db:5432\"");
  }

  @Test
  void rowsThatWereNotRunAreCountedApartAndAreNoFailure() {
    VerifyReport report = new VerifyReport(List.of(PASSED, BASE, NO_COMMAND), Duration.ZERO, false);
    String table = VerifyText.render(report);

    assertThat(table)
        .containsPattern("base-jre +linux/amd64 +not run")
        .containsPattern("tools +linux/amd64 +not run")
        .contains(
            "3 service-platforms verified in 0.0s: 1 passed, 0 failed, 2 not run"
                + " (1 bases, 1 without CMD or ENTRYPOINT)")
        .doesNotContain("VERIFY FAILED");
    assertThat(Json.write(VerifyJson.of(report)).replaceAll("\\s+", " "))
        .contains("\"result\": \"not-run\", \"run\": \"base\"")
        .contains("\"result\": \"not-run\", \"run\": \"not-runnable\"")
        .contains("\"image\": \"m/base-jre:latest\", \"passed\": false");
    assertThat(ExitCodes.of(report.verdict())).isEqualTo(ExitCodes.OK);
  }

  @Test
  void aFailureOrAnInterruptionHasItsOwnExitCode() {
    assertThat(ExitCodes.of(REPORT.verdict())).isEqualTo(ExitCodes.VERIFY_FAILED);
    assertThat(ExitCodes.of(new VerifyReport(List.of(PASSED), Duration.ZERO, false).verdict()))
        .isEqualTo(ExitCodes.OK);
    assertThat(ExitCodes.of(new VerifyReport(List.of(PASSED), Duration.ZERO, true).verdict()))
        .isEqualTo(ExitCodes.INTERRUPTED);
  }
}
