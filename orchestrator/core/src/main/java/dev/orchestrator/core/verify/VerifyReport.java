package dev.orchestrator.core.verify;

import dev.orchestrator.core.result.Verdict;
import java.time.Duration;
import java.util.List;

/** What a verify run found: one row per service and platform, services in plan order. */
public record VerifyReport(List<VerifyRow> rows, Duration duration, boolean interrupted) {

  public VerifyReport {
    rows = List.copyOf(rows);
  }

  public boolean anyFailed() {
    return interrupted || rows.stream().anyMatch(r -> !r.passed());
  }

  public Verdict verdict() {
    if (interrupted) {
      return Verdict.INTERRUPTED;
    }
    return anyFailed() ? Verdict.VERIFY_FAILED : Verdict.OK;
  }
}
