package dev.orchestrator.maven;

import dev.orchestrator.core.BuildOutcome;
import dev.orchestrator.core.BuildRequest;
import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.report.ReportText;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.BuildStatus;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the services' images (with their dependencies) in dependency order, like {@code
 * orchestrator build}: the jars of the Maven services first, then the images, then the per-service
 * summary. Runs once per Maven invocation, for the top-level project.
 */
@Mojo(name = "build", aggregator = true, threadSafe = true)
public class BuildMojo extends OrchestratorMojo {
  /** Services built at once (default: the profile's). */
  @Parameter(property = "orchestrator.jobs", defaultValue = "0")
  int jobs;

  /** Start nothing new after the first failure. */
  @Parameter(property = "orchestrator.failFast", defaultValue = "false")
  boolean failFast;

  /** Print the plan and the exact commands; build nothing. */
  @Parameter(property = "orchestrator.dryRun", defaultValue = "false")
  boolean dryRun;

  @Override
  void run(Orchestrator orchestrator) throws MojoFailureException {
    BuildRequest request =
        new BuildRequest(
            root(), profile(), split(platforms), split(services), jobs, failFast, dryRun);
    BuildOutcome outcome = orchestrator.build(request, new LogListener(getLog()));
    if (dryRun) {
      info(ReportText.dryRun(outcome));
      return;
    }
    BuildReport report = outcome.report().orElseThrow();
    info(ReportText.report(report));
    if (report.interrupted()) {
      throw new MojoFailureException("the build was interrupted");
    }
    if (report.anyFailed()) {
      throw new MojoFailureException(
          String.format(
              "%d services failed, %d skipped",
              report.count(BuildStatus.FAILED), report.count(BuildStatus.SKIPPED)));
    }
    if (report.anyOverBudget()) {
      throw new MojoFailureException("every service built, but an image is over its budget");
    }
  }
}
