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
 * times to healthy, then every check with its detail (and a failed container's last output), then
 * what failed, then the counts: passed, failed and not run apart.
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
              r.result().label(),
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
        if (!c.output().isEmpty()) {
          out.append("       its last output:\n");
          c.output().lines().forEach(l -> out.append("       | ").append(l).append('\n'));
        }
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
    out.append(
        String.format(
            Locale.ROOT,
            "%d service-platforms verified in %.1fs: %d passed, %d failed, %d not run (%d bases,"
                + " %d without CMD or ENTRYPOINT)%s%n",
            report.rows().size(),
            report.duration().toMillis() / 1000.0,
            report.count(VerifyRow.Result.PASSED),
            report.count(VerifyRow.Result.FAILED),
            report.count(VerifyRow.Result.NOT_RUN),
            report.notRun(VerifyRow.Run.BASE),
            report.notRun(VerifyRow.Run.NOT_RUNNABLE),
            report.interrupted() ? ", interrupted" : ""));
    return out.toString();
  }

  private static String seconds(Optional<Duration> d) {
    return d.map(x -> String.format(Locale.ROOT, "%.1fs", x.toMillis() / 1000.0)).orElse("-");
  }
}
