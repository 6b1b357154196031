package dev.orchestrator.maven;

import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.report.ReportText;
import dev.orchestrator.core.result.Verdict;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints the build order as waves of services that can build in parallel, like {@code orchestrator
 * plan}.
 */
@Mojo(name = "plan", aggregator = true, threadSafe = true)
public class PlanMojo extends OrchestratorMojo {
  @Override
  Verdict run(Orchestrator orchestrator) {
    info(ReportText.plan(orchestrator.plan(root(), split(services))));
    return Verdict.OK;
  }
}
