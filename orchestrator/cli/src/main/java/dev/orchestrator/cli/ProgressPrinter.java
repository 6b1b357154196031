package dev.orchestrator.cli;

import dev.orchestrator.core.progress.BuildEvent;
import dev.orchestrator.core.progress.BuildListener;
import dev.orchestrator.core.report.ReportText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders build events. On a terminal: one live status line per service, redrawn in place.
 * Otherwise (CI logs): plain lines prefixed with the service name; buildx's own output only with
 * {@code -v}, since failures show their output in the final report anyway.
 */
final class ProgressPrinter implements BuildListener {
  private final PrintWriter out;
  private final boolean live;
  private final boolean verbose;
  private final Map<String, String> status = new LinkedHashMap<>();
  private int drawnLines;

  ProgressPrinter(PrintWriter out, boolean live, boolean verbose) {
    this.out = out;
    this.live = live;
    this.verbose = verbose;
  }

  @Override
  public synchronized void on(BuildEvent event) {
    // Pattern matching for switch is not final in Java 17: an instanceof chain instead.
    if (event instanceof BuildEvent.Planned p) {
      p.services().forEach(s -> status.put(s, "waiting"));
      line("", ReportText.planned(p));
    } else if (event instanceof BuildEvent.Phase p) {
      update(p.service(), p.message());
    } else if (event instanceof BuildEvent.Started s) {
      update(s.service(), "building");
    } else if (event instanceof BuildEvent.Output o) {
      if (verbose && !live) {
        out.println("[" + o.service() + "] " + o.line());
      }
    } else if (event instanceof BuildEvent.Finished f) {
      update(f.result().name(), ReportText.finished(f.result()));
    }
    out.flush();
  }

  /** Leaves the live block as it is and moves below it. */
  synchronized void finish() {
    drawnLines = 0;
    out.flush();
  }

  private void update(String service, String text) {
    if (live && status.containsKey(service)) {
      status.put(service, text);
      redraw();
    } else {
      line(service, text);
    }
  }

  private void line(String service, String text) {
    out.println(service.isEmpty() ? text : "[" + service + "] " + text);
    // The live block starts again below this line rather than overwriting it.
    drawnLines = 0;
  }

  private void redraw() {
    StringBuilder block = new StringBuilder();
    if (drawnLines > 0) {
      block.append("\u001b[").append(drawnLines).append('F');
    }
    status.forEach(
        (s, t) -> block.append("\u001b[2K").append(String.format(Locale.ROOT, "%-24s %s%n", s, t)));
    out.print(block);
    drawnLines = status.size();
  }
}
