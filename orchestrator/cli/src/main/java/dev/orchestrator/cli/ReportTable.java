package dev.orchestrator.cli;

import dev.orchestrator.core.build.BuildReport;
import dev.orchestrator.core.build.BuildStatus;
import dev.orchestrator.core.build.PlatformResult;
import dev.orchestrator.core.build.ServiceResult;
import dev.orchestrator.core.size.ByteSize;
import java.util.Optional;

/** The end-of-build summary: a row per service and platform, then what went wrong. */
final class ReportTable {
  private static final String ROW = "%-22s %-12s %-10s %7s %12s %12s %12s %7s%n";

  private ReportTable() {}

  static String render(BuildReport report) {
    StringBuilder out = new StringBuilder("\n");
    out.append(String.format(ROW, "SERVICE", "PLATFORM", "STATUS", "TIME", "SIZE", "COMPRESSED",
        "BUDGET", "CACHE"));
    for (ServiceResult s : report.services()) {
      for (PlatformResult p : s.platforms()) {
        out.append(String.format(ROW, s.name(), p.platform(), p.status().label(),
            String.format("%.1fs", p.duration().toMillis() / 1000.0),
            size(p.sizes().map(z -> z.uncompressedBytes())),
            size(p.sizes().map(z -> z.compressedBytes())),
            size(p.budgetBytes()) + (p.overBudget() ? "!" : ""),
            p.totalSteps() == 0 ? "-" : p.cachedSteps() + "/" + p.totalSteps()));
      }
    }
    for (ServiceResult s : report.services()) {
      if (s.status() == BuildStatus.FAILED) {
        out.append(String.format("%nFAILED %s: %s%n", s.name(), s.message()));
        s.outputTail().forEach(line -> out.append("  | ").append(line).append('\n'));
      } else if (s.status() == BuildStatus.UP_TO_DATE) {
        out.append(String.format("UP TO DATE %s: %s%n", s.name(), s.message()));
      } else if (s.status() == BuildStatus.SKIPPED) {
        out.append(String.format("SKIPPED %s: %s%n", s.name(), s.message()));
      }
      s.platforms().forEach(p -> p.budgetViolations()
          .forEach(v -> out.append("OVER BUDGET ").append(v).append('\n')));
    }
    out.append(String.format(
        "%n%d services in %.1fs: %d built, %d cached, %d up to date, %d failed, %d skipped%s%n",
        report.services().size(), report.duration().toMillis() / 1000.0,
        report.count(BuildStatus.BUILT), report.count(BuildStatus.CACHED),
        report.count(BuildStatus.UP_TO_DATE),
        report.count(BuildStatus.FAILED), report.count(BuildStatus.SKIPPED),
        report.anyOverBudget() ? ", over budget" : ""));
    return out.toString();
  }

  private static String size(Optional<Long> bytes) {
    return bytes.map(b -> new ByteSize(b).human()).orElse("-");
  }
}
