package dev.orchestrator.maven;

import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.report.ReportText;
import dev.orchestrator.core.workspace.Workspace;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lists the services of the repository with their in-repo dependencies, like {@code orchestrator
 * list}.
 */
@Mojo(name = "list", aggregator = true, threadSafe = true)
public class ListMojo extends OrchestratorMojo {
  @Override
  void run(Orchestrator orchestrator) {
    info(ReportText.services(Workspace.load(root()).summaries()));
  }
}
