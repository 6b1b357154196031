package dev.orchestrator.core.report;

import dev.orchestrator.core.reproduce.Difference;
import dev.orchestrator.core.reproduce.FileDifference;
import dev.orchestrator.core.reproduce.ReproducibleCheck;
import dev.orchestrator.core.reproduce.ReproducibleReport;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The reproducibility gate's report, as both front ends print it: a row per service and platform
 * with both builds' manifest digests, then for each difference the first differing layer, the
 * instruction that made it and its files, then the counts (not run apart, never as passed).
 */
public final class ReproducibleText {
  private static final String ROW = "%-22s %-12s %-13s %s%n";
  private static final int FILES_SHOWN = 20;

  private ReproducibleText() {}

  public static String render(ReproducibleReport report) {
    StringBuilder out = new StringBuilder("\n");
    out.append(String.format(Locale.ROOT, ROW, "SERVICE", "PLATFORM", "RESULT", "DIGESTS"));
    for (ReproducibleCheck c : report.checks()) {
      String digests =
          c.firstDigest().isEmpty()
              ? "-"
              : c.firstDigest().get().equals(c.secondDigest().orElse(""))
                  ? short12(c.firstDigest().get()) + " (both)"
                  : short12(c.firstDigest().get())
                      + " ≠ "
                      + c.secondDigest().map(ReproducibleText::short12).orElse("-");
      out.append(
          String.format(Locale.ROOT, ROW, c.service(), c.platform(), label(c.status()), digests));
    }
    out.append('\n');
    for (ReproducibleCheck c : report.checks()) {
      switch (c.status()) {
        case DIFFERENT -> different(out, c);
        case NOT_RUN ->
            out.append("NOT RUN ")
                .append(c.service())
                .append(' ')
                .append(c.platform())
                .append(": ")
                .append(c.detail())
                .append('\n');
        case REPRODUCIBLE -> {}
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%d service-platforms checked for reproducibility in %.1fs: %d reproducible, %d"
                + " different, %d not run%n",
            report.checks().size(),
            report.took().toMillis() / 1000.0,
            report.count(ReproducibleCheck.Status.REPRODUCIBLE),
            report.count(ReproducibleCheck.Status.DIFFERENT),
            report.count(ReproducibleCheck.Status.NOT_RUN)));
    return out.toString();
  }

  private static void different(StringBuilder out, ReproducibleCheck c) {
    Difference d = c.difference().orElseThrow();
    out.append("NOT REPRODUCIBLE ").append(c.service()).append(' ').append(c.platform());
    out.append(" (").append(c.detail()).append(")\n");
    if (d.layer().isPresent()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  first differing layer: %d of %d (%s ≠ %s)%n",
              d.layer().get(),
              d.layers(),
              d.firstLayerDigest().map(ReproducibleText::short12).orElse("none"),
              d.secondLayerDigest().map(ReproducibleText::short12).orElse("none")));
    }
    out.append("  instruction: ").append(d.instruction()).append('\n');
    if (!d.files().isEmpty()) {
      out.append("  files that differ (").append(d.files().size()).append("):\n");
      d.files().stream()
          .limit(FILES_SHOWN)
          .forEach(
              f ->
                  out.append("    /")
                      .append(f.path())
                      .append(": ")
                      .append(aspects(f))
                      .append(" (")
                      .append(f.detail())
                      .append(")\n"));
      if (d.files().size() > FILES_SHOWN) {
        out.append("    … and ").append(d.files().size() - FILES_SHOWN).append(" more (--json)\n");
      }
    } else if (d.layer().isPresent()) {
      out.append("  no file differs: the layers differ in entry order or compression\n");
    }
    if (!d.configKeys().isEmpty()) {
      out.append("  image config keys that differ: ")
          .append(String.join(", ", d.configKeys()))
          .append('\n');
    }
  }

  static String aspects(FileDifference f) {
    return f.aspects().stream().map(a -> a.label()).collect(Collectors.joining(", "));
  }

  private static String label(ReproducibleCheck.Status status) {
    return switch (status) {
      case REPRODUCIBLE -> "reproducible";
      case DIFFERENT -> "DIFFERENT";
      case NOT_RUN -> "not run";
    };
  }

  private static String short12(String digest) {
    int colon = digest.indexOf(':');
    return digest.substring(0, Math.min(digest.length(), colon + 13));
  }
}
