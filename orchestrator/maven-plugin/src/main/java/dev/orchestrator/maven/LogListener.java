package dev.orchestrator.maven;

import dev.orchestrator.core.progress.BuildEvent;
import dev.orchestrator.core.progress.BuildListener;
import dev.orchestrator.core.report.ReportText;
import org.apache.maven.plugin.logging.Log;

/**
 * Build events as Maven log lines, prefixed with the service: progress at info, the builds' own
 * output at debug ({@code mvn -X}); a failure's output is in the final summary anyway.
 */
final class LogListener implements BuildListener {
  private final Log log;

  LogListener(Log log) {
    this.log = log;
  }

  @Override
  public synchronized void on(BuildEvent event) {
    // Pattern matching for switch is not final in Java 17: an instanceof chain instead.
    if (event instanceof BuildEvent.Planned p) {
      log.info(ReportText.planned(p));
    } else if (event instanceof BuildEvent.Phase p) {
      log.info(prefixed(p.service(), p.message()));
    } else if (event instanceof BuildEvent.Started s) {
      log.info(prefixed(s.service(), "building"));
    } else if (event instanceof BuildEvent.Output o) {
      if (log.isDebugEnabled()) {
        log.debug(prefixed(o.service(), o.line()));
      }
    } else if (event instanceof BuildEvent.Finished f) {
      log.info(prefixed(f.result().name(), ReportText.finished(f.result())));
    }
  }

  private static String prefixed(String service, String text) {
    return service.isEmpty() ? text : "[" + service + "] " + text;
  }
}
