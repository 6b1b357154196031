package dev.orchestrator.core.result;

import java.time.Duration;
import java.util.List;

/** What a build run did, per service in plan order. */
public record BuildReport(List<ServiceResult> services, Duration duration, boolean interrupted) {

  public BuildReport {
    services = List.copyOf(services);
  }

  public boolean anyFailed() {
    return interrupted || services.stream().anyMatch(s -> !s.status().succeeded());
  }

  public boolean anyOverBudget() {
    return services.stream().anyMatch(ServiceResult::overBudget);
  }

  /** Interrupted, else failed, else over budget, else OK. */
  public Verdict verdict() {
    if (interrupted) {
      return Verdict.INTERRUPTED;
    }
    if (anyFailed()) {
      return Verdict.BUILD_FAILED;
    }
    return anyOverBudget() ? Verdict.OVER_BUDGET : Verdict.OK;
  }

  public long count(BuildStatus status) {
    return services.stream().filter(s -> s.status() == status).count();
  }
}
