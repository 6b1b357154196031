package dev.orchestrator.core.report;

import dev.orchestrator.core.lint.Finding;
import dev.orchestrator.core.lint.LintReport;
import java.util.Locale;

/**
 * The lint report, as both front ends print it: each finding as {@code file:line: severity:
 * service: message [rule]} (the form editors and CI logs link), its fix below it, then the counts,
 * with the ignored findings counted apart.
 */
public final class LintText {
  private LintText() {}

  public static String render(LintReport report) {
    StringBuilder out = new StringBuilder();
    for (Finding f : report.findings()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s: %s: %s: %s [%s]%n  fix: %s%n",
              f.where(),
              f.severity().word(),
              f.service(),
              f.message(),
              f.rule().id(),
              f.rule().fix()));
    }
    out.append(summary(report)).append('\n');
    return out.toString();
  }

  /** {@code lint: 7 services, 1 error, 2 warnings, 1 ignored in service.yaml}. */
  public static String summary(LintReport report) {
    return String.format(
        Locale.ROOT,
        "lint: %s, %s, %s, %d ignored in service.yaml%s",
        count(report.services().size(), "service"),
        count(report.errors().size(), "error"),
        count(report.warnings().size(), "warning"),
        report.ignored().size(),
        report.warningsAsErrors() ? " (the profile makes warnings errors)" : "");
  }

  private static String count(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
