package dev.orchestrator.maven;

import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.report.ReportText;
import dev.orchestrator.core.result.Verdict;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lists the services of the repository with their in-repo dependencies, like {@code orchestrator
 * list}.
 */
@Mojo(name = "list", aggregator = true, threadSafe = true)
public class ListMojo extends OrchestratorMojo {
  @Override
  Verdict run(Orchestrator orchestrator) {
    info(ReportText.services(orchestrator.list(root())));
    return Verdict.OK;
  }
}
