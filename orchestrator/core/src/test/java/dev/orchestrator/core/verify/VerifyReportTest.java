package dev.orchestrator.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.result.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifyReportTest {
  private static VerifyRow row(VerifyRow.Run run, CheckResult... checks) {
    return new VerifyRow(
        "s", "linux/amd64", "m/s", List.of(checks), Optional.empty(), Optional.empty(), run);
  }

  private static final CheckResult NA = CheckResult.notApplicable(Check.HEALTHY, "not run: why");

  @Test
  void aRowThatWasNotRunIsNeitherPassedNorFailed() {
    assertThat(row(VerifyRow.Run.BASE, NA).result()).isEqualTo(VerifyRow.Result.NOT_RUN);
    assertThat(row(VerifyRow.Run.NOT_RUNNABLE, NA).result()).isEqualTo(VerifyRow.Result.NOT_RUN);
    assertThat(row(VerifyRow.Run.RAN, NA).result()).isEqualTo(VerifyRow.Result.PASSED);
    assertThat(row(VerifyRow.Run.NOT_RUNNABLE, CheckResult.fail(Check.HEALTHY, "x")).result())
        .isEqualTo(VerifyRow.Result.FAILED);
  }

  @Test
  void theReportCountsPassedFailedAndNotRunApartAndNotRunIsNoFailure() {
    VerifyReport report =
        new VerifyReport(
            List.of(
                row(VerifyRow.Run.RAN, CheckResult.pass(Check.HEALTHY, "ok")),
                row(VerifyRow.Run.BASE, NA),
                row(VerifyRow.Run.NOT_RUNNABLE, NA),
                row(VerifyRow.Run.NOT_RUNNABLE, NA)),
            Duration.ZERO,
            false);

    assertThat(report.count(VerifyRow.Result.PASSED)).isEqualTo(1);
    assertThat(report.count(VerifyRow.Result.FAILED)).isZero();
    assertThat(report.count(VerifyRow.Result.NOT_RUN)).isEqualTo(3);
    assertThat(report.notRun(VerifyRow.Run.BASE)).isEqualTo(1);
    assertThat(report.notRun(VerifyRow.Run.NOT_RUNNABLE)).isEqualTo(2);
    assertThat(report.verdict()).isEqualTo(Verdict.OK);
  }
}
