package dev.orchestrator.core;

import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.Verdict;
import dev.orchestrator.core.verify.VerifyReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Orchestrator#build} did.
 *
 * @param commands in a dry run, the exact commands per service in plan order (the Maven invocation
 *     under the key {@code maven}); empty otherwise
 * @param report empty in a dry run
 * @param verified with {@link BuildRequest#verifyAfter()}, what verify found (when the build
 *     succeeded, so verify ran)
 */
public record BuildOutcome(
    Plan plan,
    List<String> platforms,
    Map<String, List<String>> commands,
    Optional<BuildReport> report,
    Optional<VerifyReport> verified) {

  public BuildOutcome(
      Plan plan,
      List<String> platforms,
      Map<String, List<String>> commands,
      Optional<BuildReport> report) {
    this(plan, platforms, commands, report, Optional.empty());
  }

  /**
   * A failed or interrupted build decides; else a failed verify; else the budgets. A dry run is OK.
   */
  public Verdict verdict() {
    if (report.isEmpty()) {
      return Verdict.OK;
    }
    Verdict built = report.get().verdict();
    if (built == Verdict.INTERRUPTED || built == Verdict.BUILD_FAILED) {
      return built;
    }
    Optional<Verdict> verify = verified.map(VerifyReport::verdict).filter(v -> !v.ok());
    return verify.orElse(built);
  }
}
