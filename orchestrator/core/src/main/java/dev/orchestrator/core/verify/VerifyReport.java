package dev.orchestrator.core.verify;

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
}
