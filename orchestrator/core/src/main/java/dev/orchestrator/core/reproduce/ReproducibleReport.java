package dev.orchestrator.core.reproduce;

import dev.orchestrator.core.result.Verdict;
import java.time.Duration;
import java.util.List;

/** Every service-platform the reproducibility gate looked at, in plan order. */
public record ReproducibleReport(List<ReproducibleCheck> checks, Duration took) {
  public ReproducibleReport {
    checks = List.copyOf(checks);
  }

  public long count(ReproducibleCheck.Status status) {
    return checks.stream().filter(c -> c.status() == status).count();
  }

  /**
   * A difference fails verification (exit 6); otherwise a service-platform that could not be
   * checked fails the run as a build failure (exit 1), so that a gate never passes unchecked.
   */
  public Verdict verdict() {
    if (count(ReproducibleCheck.Status.DIFFERENT) > 0) {
      return Verdict.VERIFY_FAILED;
    }
    return count(ReproducibleCheck.Status.NOT_RUN) > 0 ? Verdict.BUILD_FAILED : Verdict.OK;
  }
}
