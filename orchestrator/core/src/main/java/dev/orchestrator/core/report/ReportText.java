package dev.orchestrator.core.report;

import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.BuildStatus;
import dev.orchestrator.core.result.PlatformResult;
import dev.orchestrator.core.result.ServiceResult;
import dev.orchestrator.core.size.ByteSize;
import dev.orchestrator.core.workspace.ServiceSummary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The text every front end shows people (the CLI on its writer, the Maven plugin through its log):
 * pure rendering, so both print exactly the same thing.
 */
public final class ReportText {
  private static final String ROW = "%-22s %-12s %-10s %7s %12s %12s %12s %7s%n";

  private ReportText() {}

  /** The plan: one line per wave, then the totals. */
  public static String plan(Plan plan) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < plan.waves().size(); i++) {
      out.append(
          String.format(
              Locale.ROOT, "wave %d: %s%n", i + 1, String.join(", ", plan.waves().get(i))));
    }
    out.append(
        String.format(Locale.ROOT, "%d services in %d waves%n", plan.size(), plan.waves().size()));
    return out.toString();
  }

  /** A dry run: the plan, the platforms, and each exact command (Maven's first, if any). */
  public static String dryRun(
      Plan plan, List<String> platforms, Map<String, List<String>> commands) {
    StringBuilder out = new StringBuilder(plan(plan));
    out.append(String.format(Locale.ROOT, "platforms: %s%n", String.join(", ", platforms)));
    commands.forEach(
        (service, argv) ->
            out.append(
                service.endsWith(" definition")
                    ? String.format(Locale.ROOT, "%n# %s%n%s", service, String.join("", argv))
                    : String.format(
                        Locale.ROOT, "%n# %s%n%s%n", service, ShellQuoting.display(argv))));
    return out.toString();
  }

  /**
   * The services: name, Dockerfile and in-repo dependencies, one line each, then where the
   * definition came from.
   */
  public static String services(List<ServiceSummary> services) {
    StringBuilder out = new StringBuilder();
    for (ServiceSummary s : services) {
      out.append(
          String.format(
                  Locale.ROOT,
                  "%-24s %-40s %s",
                  s.name(),
                  s.dockerfile(),
                  s.dependsOn().isEmpty() ? "" : "needs " + String.join(", ", s.dependsOn()))
              .stripTrailing());
      out.append(String.format(Locale.ROOT, "%n  from %s", s.origin()));
      s.image().ifPresent(image -> out.append(", image ").append(image));
      out.append(String.format(Locale.ROOT, "%n"));
      s.warnings().forEach(w -> out.append("  warning: ").append(w).append(String.format("%n")));
    }
    return out.toString();
  }

  /** The one line a progress display starts with: how many services, waves and platforms. */
  public static String planned(dev.orchestrator.core.progress.BuildEvent.Planned planned) {
    return "plan: "
        + planned.services().size()
        + " services in "
        + planned.waves().size()
        + " waves for "
        + String.join(",", planned.platforms());
  }

  /** One service's outcome in a line: "built in 1.2s (message)". */
  public static String finished(ServiceResult result) {
    String text =
        result.status().label()
            + String.format(Locale.ROOT, " in %.1fs", result.duration().toMillis() / 1000.0);
    return result.message().isEmpty() ? text : text + " (" + result.message() + ")";
  }

  /** The end-of-build summary: a row per service and platform, then what went wrong. */
  public static String report(BuildReport report) {
    StringBuilder out = new StringBuilder("\n");
    out.append(
        String.format(
            Locale.ROOT,
            ROW,
            "SERVICE",
            "PLATFORM",
            "STATUS",
            "TIME",
            "SIZE",
            "COMPRESSED",
            "BUDGET",
            "CACHE"));
    for (ServiceResult s : report.services()) {
      for (PlatformResult p : s.platforms()) {
        out.append(
            String.format(
                Locale.ROOT,
                ROW,
                s.name(),
                p.platform(),
                p.status().label(),
                String.format(Locale.ROOT, "%.1fs", p.duration().toMillis() / 1000.0),
                size(p.sizes().map(z -> z.uncompressedBytes())),
                size(p.sizes().map(z -> z.compressedBytes())),
                size(p.budgetBytes()) + (p.overBudget() ? "!" : ""),
                p.totalSteps() == 0 ? "-" : p.cachedSteps() + "/" + p.totalSteps()));
      }
    }
    for (ServiceResult s : report.services()) {
      if (s.status() == BuildStatus.FAILED) {
        out.append(String.format(Locale.ROOT, "%nFAILED %s: %s%n", s.name(), s.message()));
        s.outputTail().forEach(line -> out.append("  | ").append(line).append('\n'));
      } else if (s.status() == BuildStatus.UP_TO_DATE) {
        out.append(String.format(Locale.ROOT, "UP TO DATE %s: %s%n", s.name(), s.message()));
      } else if (s.status() == BuildStatus.SKIPPED) {
        out.append(String.format(Locale.ROOT, "SKIPPED %s: %s%n", s.name(), s.message()));
      }
      s.platforms()
          .forEach(
              p ->
                  p.budgetViolations()
                      .forEach(v -> out.append("OVER BUDGET ").append(v).append('\n')));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%n%d services in %.1fs: %d built, %d cached, %d up to date, %d failed, %d skipped%s%n",
            report.services().size(),
            report.duration().toMillis() / 1000.0,
            report.count(BuildStatus.BUILT),
            report.count(BuildStatus.CACHED),
            report.count(BuildStatus.UP_TO_DATE),
            report.count(BuildStatus.FAILED),
            report.count(BuildStatus.SKIPPED),
            report.anyOverBudget() ? ", over budget" : ""));
    return out.toString();
  }

  private static String size(Optional<Long> bytes) {
    return bytes.map(b -> new ByteSize(b).human()).orElse("-");
  }
}
