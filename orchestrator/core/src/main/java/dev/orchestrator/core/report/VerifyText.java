package dev.orchestrator.core.report;

import dev.orchestrator.core.verify.CheckResult;
import dev.orchestrator.core.verify.VerifyReport;
import dev.orchestrator.core.verify.VerifyRow;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The verify report, as both front ends print it: a summary row per service and platform with the
 * times to healthy, then every check with its detail, then what failed.
 */
public final class VerifyText {
  private static final String ROW = "%-22s %-12s %-7s %9s %10s%n";

  private VerifyText() {}

  public static String render(VerifyReport report) {
    StringBuilder out = new StringBuilder("\n");
    out.append(
        String.format(Locale.ROOT, ROW, "SERVICE", "PLATFORM", "RESULT", "HEALTHY", "READ-ONLY"));
    for (VerifyRow r : report.rows()) {
      out.append(
          String.format(
              Locale.ROOT,
              ROW,
              r.service(),
              r.platform(),
              r.passed() ? "passed" : "FAILED",
              seconds(r.toHealthy()),
              seconds(r.toHealthyReadOnly())));
    }
    for (VerifyRow r : report.rows()) {
      out.append(
          String.format(Locale.ROOT, "%n%s %s (%s)%n", r.service(), r.platform(), r.image()));
      for (CheckResult c : r.checks()) {
        out.append(
            String.format(
                Locale.ROOT, "  %-4s %-13s %s%n", c.status().label(), c.name(), c.detail()));
      }
    }
    out.append('\n');
    for (VerifyRow r : report.rows()) {
      if (!r.passed()) {
        out.append("VERIFY FAILED ")
            .append(r.service())
            .append(' ')
            .append(r.platform())
            .append(": ")
            .append(
                r.failures().stream()
                    .map(c -> c.name() + " (" + c.detail() + ")")
                    .collect(Collectors.joining(", ")))
            .append('\n');
      }
    }
    long passed = report.rows().stream().filter(VerifyRow::passed).count();
    out.append(
        String.format(
            Locale.ROOT,
            "%d service-platforms verified in %.1fs: %d passed, %d failed%s%n",
            report.rows().size(),
            report.duration().toMillis() / 1000.0,
            passed,
            report.rows().size() - passed,
            report.interrupted() ? ", interrupted" : ""));
    return out.toString();
  }

  private static String seconds(Optional<Duration> d) {
    return d.map(x -> String.format(Locale.ROOT, "%.1fs", x.toMillis() / 1000.0)).orElse("-");
  }
}
