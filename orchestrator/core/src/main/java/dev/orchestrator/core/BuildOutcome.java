package dev.orchestrator.core;

import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.reproduce.ReproducibleReport;
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
 * @param reproducible with a profile's {@code verify: {reproducible: true}}, what the
 *     reproducibility gate found (when the build succeeded, so the gate ran)
 */
public record BuildOutcome(
    Plan plan,
    List<String> platforms,
    Map<String, List<String>> commands,
    Optional<BuildReport> report,
    Optional<VerifyReport> verified,
    Optional<ReproducibleReport> reproducible) {

  public BuildOutcome(
      Plan plan,
      List<String> platforms,
      Map<String, List<String>> commands,
      Optional<BuildReport> report) {
    this(plan, platforms, commands, report, Optional.empty(), Optional.empty());
  }

  public BuildOutcome(
      Plan plan,
      List<String> platforms,
      Map<String, List<String>> commands,
      Optional<BuildReport> report,
      Optional<VerifyReport> verified) {
    this(plan, platforms, commands, report, verified, Optional.empty());
  }

  /** This outcome with what the reproducibility gate found. */
  BuildOutcome withReproducible(ReproducibleReport gate) {
    return new BuildOutcome(plan, platforms, commands, report, verified, Optional.of(gate));
  }

  /**
   * A failed or interrupted build decides; else a failed verify; else a failed reproducibility
   * gate; else the budgets. A dry run is OK.
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
    Optional<Verdict> gate = reproducible.map(ReproducibleReport::verdict).filter(v -> !v.ok());
    return verify.or(() -> gate).orElse(built);
  }
}
