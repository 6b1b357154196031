package dev.orchestrator.core.verify;

import dev.orchestrator.core.result.Verdict;
import java.time.Duration;
import java.util.List;

/**
 * What a verify run found: one row per service and platform, services in plan order. A row that was
 * not run is not a failure, and not a pass either: it is counted apart.
 */
public record VerifyReport(List<VerifyRow> rows, Duration duration, boolean interrupted) {

  public VerifyReport {
    rows = List.copyOf(rows);
  }

  public boolean anyFailed() {
    return interrupted || rows.stream().anyMatch(r -> !r.passed());
  }

  public long count(VerifyRow.Result result) {
    return rows.stream().filter(r -> r.result() == result).count();
  }

  /** Rows not run for this reason, failed ones left out. */
  public long notRun(VerifyRow.Run why) {
    return rows.stream()
        .filter(r -> r.result() == VerifyRow.Result.NOT_RUN && r.run() == why)
        .count();
  }

  public Verdict verdict() {
    if (interrupted) {
      return Verdict.INTERRUPTED;
    }
    return anyFailed() ? Verdict.VERIFY_FAILED : Verdict.OK;
  }
}
