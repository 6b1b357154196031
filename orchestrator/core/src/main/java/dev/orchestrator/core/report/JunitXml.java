package dev.orchestrator.core.report;

import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.BuildStatus;
import dev.orchestrator.core.result.PlatformResult;
import dev.orchestrator.core.result.ServiceResult;
import java.util.Locale;

/**
 * {@code build --junit FILE}: the build as JUnit XML for CI test panels, from the same results as
 * {@code --json}. One test case per service and platform ({@code classname} the service, {@code
 * name} the platform); a failed build or an over-budget image is a failure, a skipped service is
 * skipped. Pure.
 */
public final class JunitXml {
  private JunitXml() {}

  public static String of(BuildReport report, String suite) {
    int tests = 0;
    int failures = 0;
    int skipped = 0;
    StringBuilder cases = new StringBuilder();
    for (ServiceResult s : report.services()) {
      for (PlatformResult p : s.platforms()) {
        tests++;
        cases
            .append("    <testcase classname=\"")
            .append(escape(s.name()))
            .append("\" name=\"")
            .append(escape(p.platform()))
            .append("\" time=\"")
            .append(seconds(p.duration().toMillis()))
            .append("\">\n");
        if (p.status() == BuildStatus.FAILED) {
          failures++;
          failure(cases, "build failed", s.message() + "\n" + String.join("\n", s.outputTail()));
        } else if (p.overBudget()) {
          failures++;
          failure(cases, "over budget", String.join("\n", p.budgetViolations()));
        } else if (p.status() == BuildStatus.SKIPPED) {
          skipped++;
          cases.append("      <skipped message=\"").append(escape(s.message())).append("\"/>\n");
        } else {
          cases
              .append("      <system-out>")
              .append(
                  escape(p.status().label() + (s.message().isEmpty() ? "" : ": " + s.message())))
              .append("</system-out>\n");
        }
        cases.append("    </testcase>\n");
      }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites>\n"
        + "  <testsuite name=\""
        + escape(suite)
        + "\" tests=\""
        + tests
        + "\" failures=\""
        + failures
        + "\" errors=\"0\" skipped=\""
        + skipped
        + "\" time=\""
        + seconds(report.duration().toMillis())
        + "\">\n"
        + cases
        + "  </testsuite>\n"
        + "</testsuites>\n";
  }

  private static void failure(StringBuilder out, String type, String text) {
    String firstLine = text.strip().lines().findFirst().orElse(type);
    out.append("      <failure type=\"")
        .append(escape(type))
        .append("\" message=\"")
        .append(escape(firstLine))
        .append("\">")
        .append(escape(text.strip()))
        .append("</failure>\n");
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** XML 1.0 text and attribute escaping; control characters other than tab and newline dropped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
