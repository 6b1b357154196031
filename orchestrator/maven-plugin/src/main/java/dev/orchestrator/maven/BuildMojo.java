package dev.orchestrator.maven;

import dev.orchestrator.core.BuildOutcome;
import dev.orchestrator.core.BuildRequest;
import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.report.ExplainText;
import dev.orchestrator.core.report.ReportText;
import dev.orchestrator.core.report.ReproducibleText;
import dev.orchestrator.core.report.VerifyText;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.BuildStatus;
import dev.orchestrator.core.result.Verdict;
import java.io.File;
import java.util.Locale;
import java.util.Optional;
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
  /** Services built at once, at least 1 (default: the profile's). */
  @Parameter(property = "orchestrator.jobs")
  Integer jobs;

  @Override
  void checkParameters() throws MojoFailureException {
    super.checkParameters();
    checkJobs(jobs);
  }

  /** Start nothing new after the first failure. */
  @Parameter(property = "orchestrator.failFast", defaultValue = "false")
  boolean failFast;

  /** Print the plan and the exact commands; build nothing. */
  @Parameter(property = "orchestrator.dryRun", defaultValue = "false")
  boolean dryRun;

  /** Build even services whose image is up to date. */
  @Parameter(property = "orchestrator.force", defaultValue = "false")
  boolean force;

  /** Build only services whose inputs changed since this git revision, and their dependents. */
  @Parameter(property = "orchestrator.changedSince")
  String changedSince;

  /** Say why this service would or would not be rebuilt; build nothing. */
  @Parameter(property = "orchestrator.explain")
  String explain;

  /** With output push-by-digest: where to write the digests. */
  @Parameter(property = "orchestrator.digestsFile")
  File digestsFile;

  /** After a successful build, verify the built images (as the verify goal does). */
  @Parameter(property = "orchestrator.verify", defaultValue = "false")
  boolean verify;

  /**
   * When another build of this repository is running, wait for it to end (default: refuse, as a
   * machine problem).
   */
  @Parameter(property = "orchestrator.wait", defaultValue = "false")
  boolean waitForLock;

  @Override
  Verdict run(Orchestrator orchestrator) {
    BuildRequest request =
        BuildRequest.builder(root())
            .profile(profile())
            .platforms(split(platforms))
            .services(split(services))
            .jobs(jobsOrProfiles(jobs))
            .failFast(failFast)
            .dryRun(dryRun)
            .force(force)
            .changedSince(Optional.ofNullable(changedSince).filter(s -> !s.isBlank()))
            .digestsFile(
                Optional.ofNullable(digestsFile).map(f -> f.toPath().toAbsolutePath().normalize()))
            .verifyAfter(verify)
            .waitForLock(waitForLock)
            .build();
    if (explain != null && !explain.isBlank()) {
      info(ExplainText.render(orchestrator.explain(request, explain)));
      return Verdict.OK;
    }
    BuildOutcome outcome = orchestrator.build(request, new LogListener(getLog()));
    if (dryRun) {
      info(ReportText.dryRun(outcome.plan(), outcome.platforms(), outcome.commands()));
      return outcome.verdict();
    }
    BuildReport report = outcome.report().orElseThrow();
    info(ReportText.report(report));
    outcome.verified().ifPresent(v -> info(VerifyText.render(v)));
    outcome.reproducible().ifPresent(r -> info(ReproducibleText.render(r)));
    if (report.anyFailed() && !report.interrupted()) {
      getLog()
          .error(
              String.format(
                  Locale.ROOT,
                  "%d services failed, %d skipped",
                  report.count(BuildStatus.FAILED),
                  report.count(BuildStatus.SKIPPED)));
    }
    return outcome.verdict();
  }
}
