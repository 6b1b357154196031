package dev.orchestrator.maven;

import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.report.ReportText;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints the build order as waves of services that can build in parallel, like {@code orchestrator
 * plan}.
 */
@Mojo(name = "plan", aggregator = true, threadSafe = true)
public class PlanMojo extends OrchestratorMojo {
  @Override
  void run(Orchestrator orchestrator) {
    info(ReportText.plan(orchestrator.plan(root(), split(services))));
  }
}
