package dev.orchestrator.core.report;

import dev.orchestrator.core.publish.MergeOutcome;
import dev.orchestrator.core.publish.MergePlanner;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.PlatformResult;
import dev.orchestrator.core.result.ServiceResult;
import dev.orchestrator.core.size.ByteSize;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --summary FILE}: Markdown for {@code $GITHUB_STEP_SUMMARY}, from the same results as
 * {@code --json}. A build gives one row per service and platform (status, time, size against
 * budget, cache hits, the reason it was rebuilt, skipped or failed); a merge one row per published
 * image. A size not measured says so. Pure.
 */
public final class MarkdownSummary {
  private MarkdownSummary() {}

  public static String of(BuildReport report, String title) {
    StringBuilder out = new StringBuilder();
    out.append("### ").append(cell(title)).append("\n\n");
    out.append("| service | platform | status | time | size / budget | cache hits | reason |\n");
    out.append("|---|---|---|---:|---|---:|---|\n");
    for (ServiceResult s : report.services()) {
      for (PlatformResult p : s.platforms()) {
        out.append("| ")
            .append(cell(s.name()))
            .append(" | ")
            .append(cell(p.platform()))
            .append(" | ")
            .append(p.overBudget() ? "over budget" : p.status().label())
            .append(" | ")
            .append(String.format(Locale.ROOT, "%.1f s", p.duration().toMillis() / 1000.0))
            .append(" | ")
            .append(size(p))
            .append(" | ")
            .append(p.totalSteps() == 0 ? "–" : p.cachedSteps() + "/" + p.totalSteps())
            .append(" | ")
            .append(cell(reason(s, p)))
            .append(" |\n");
      }
    }
    out.append("\n")
        .append(report.services().size())
        .append(" services in ")
        .append(String.format(Locale.ROOT, "%.1f s", report.duration().toMillis() / 1000.0))
        .append(report.anyFailed() ? "; some failed" : "")
        .append(report.anyOverBudget() ? "; some over budget" : "")
        .append(".\n\n");
    return out.toString();
  }

  /** What a merge published: one row per service, its tags and platform digests. */
  public static String of(MergeOutcome outcome) {
    StringBuilder out = new StringBuilder("### orchestrator merge\n\n");
    out.append("| service | result | tags | images |\n|---|---|---|---|\n");
    for (MergePlanner.Merge m : outcome.plan().merges()) {
      Optional<MergeOutcome.Result> r =
          outcome.results().stream().filter(x -> x.service().equals(m.service())).findFirst();
      out.append("| ")
          .append(cell(m.service()))
          .append(" | ")
          .append(
              r.map(x -> x.exitCode() == 0 ? "published" : "failed (exit " + x.exitCode() + ")")
                  .orElse("planned (dry run)"))
          .append(" | ")
          .append(cell(String.join(", ", m.tags())))
          .append(" | ")
          .append(cell(String.join(", ", m.sources())))
          .append(" |\n");
    }
    return out.append("\n").toString();
  }

  private static String size(PlatformResult p) {
    String size =
        p.sizes().map(z -> new ByteSize(z.uncompressedBytes()).human()).orElse("not measured");
    return p.budgetBytes().map(b -> size + " / " + new ByteSize(b).human()).orElse(size);
  }

  private static String reason(ServiceResult s, PlatformResult p) {
    if (p.overBudget()) {
      return String.join("; ", p.budgetViolations());
    }
    return s.message().isEmpty() ? s.buildReason() : s.message();
  }

  /** Table-safe: pipes escaped, one line. */
  static String cell(String text) {
    return text.replace("|", "\\|").replace("\r", "").replace("\n", " ");
  }
}
