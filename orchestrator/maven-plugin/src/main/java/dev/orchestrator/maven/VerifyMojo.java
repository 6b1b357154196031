package dev.orchestrator.maven;

import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.VerifyRequest;
import dev.orchestrator.core.report.VerifyText;
import dev.orchestrator.core.result.Verdict;
import dev.orchestrator.core.verify.VerifyReport;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs every built image on every platform and checks it (healthy, non-root, read-only root, health
 * endpoint, labels, size), like {@code orchestrator verify}.
 */
@Mojo(name = "verify", aggregator = true, threadSafe = true)
public class VerifyMojo extends OrchestratorMojo {
  /** Services verified at once, at least 1 (default: the profile's). */
  @Parameter(property = "orchestrator.jobs")
  Integer jobs;

  @Override
  void checkParameters() throws MojoFailureException {
    super.checkParameters();
    checkJobs(jobs);
  }

  @Override
  Verdict run(Orchestrator orchestrator) {
    VerifyRequest request =
        new VerifyRequest(
            root(), profile(), split(platforms), split(services), jobsOrProfiles(jobs));
    VerifyReport report = orchestrator.verify(request, new LogListener(getLog()));
    info(VerifyText.render(report));
    return report.verdict();
  }
}
