package dev.orchestrator.maven;

import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.lint.LintReport;
import dev.orchestrator.core.report.LintText;
import dev.orchestrator.core.result.Verdict;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the services' Dockerfiles against the image policy, like {@code orchestrator lint}: the
 * named services only (default: all). An error fails the goal as bad configuration; the build goal
 * lints first anyway.
 */
@Mojo(name = "lint", aggregator = true, threadSafe = true)
public class LintMojo extends OrchestratorMojo {
  @Override
  Verdict run(Orchestrator orchestrator) {
    LintReport report = orchestrator.lint(root(), profile(), split(services));
    String text = LintText.render(report);
    if (report.findings().isEmpty()) {
      info(text);
    } else {
      text.lines().forEach(getLog()::warn);
    }
    return report.verdict();
  }
}
