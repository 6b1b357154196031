package dev.orchestrator.cli;

import dev.orchestrator.core.BuildOutcome;
import dev.orchestrator.core.BuildRequest;
import dev.orchestrator.core.LayersRequest;
import dev.orchestrator.core.error.OrchestratorException;
import dev.orchestrator.core.report.LayersText;
import dev.orchestrator.core.report.ReportText;
import dev.orchestrator.core.report.ReproducibleText;
import dev.orchestrator.core.report.VerifyText;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.ServiceResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "build",
    description = "Build services (with their dependencies) in dependency order.")
final class BuildCommand implements Callable<Integer> {
  private final CliFactory.Context context;
  @Mixin SharedOptions shared;

  @Parameters(
      paramLabel = "SERVICE",
      arity = "0..*",
      description = "Services to build, with their dependencies (default: all).")
  List<String> services = List.of();

  @Option(
      names = "--dry-run",
      description = "Print the plan and the exact commands; build nothing.")
  boolean dryRun;

  @Option(names = "--fail-fast", description = "Start nothing new after the first failure.")
  boolean failFast;

  @Option(
      names = "--verify",
      description =
          "After a successful build, verify the built images "
              + "(as `verify` does); exit 6 if a check fails.")
  boolean verify;

  @Option(
      names = "--digests-file",
      paramLabel = "PATH",
      description =
          "With output"
              + " push-by-digest: where to write the digests (default: .cache/orchestrator/digests-ARCH.json).")
  java.nio.file.Path digestsFile;

  @Option(
      names = "--dependencies-from",
      paramLabel = "PATH",
      description =
          "A staged CI job (see `matrix --stages`): build only the SERVICEs named; the in-repo"
              + " images they refer to that are not named are taken by digest from these digests"
              + " files or folders (earlier jobs' artifacts), for the one --platform, never built"
              + " or pulled by a tag; one missing is exit 3. Repeatable.")
  List<Path> dependenciesFrom = List.of();

  @Option(
      names = "--wait",
      description =
          "When another build of this repository is running, wait for it to end "
              + "(default: refuse, exit 5).")
  boolean waitForLock;

  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description =
          "Also write JUnit XML: one test case per service and platform; failed and over-budget"
              + " are failures, skipped is skipped.")
  Path junit;

  @Option(
      names = "--summary",
      paramLabel = "FILE",
      description =
          "Also write a Markdown table per service and platform (status, time, size against"
              + " budget, cache hits, reason); appended to $GITHUB_STEP_SUMMARY when that is set.")
  Path summary;

  @Option(
      names = "--layers",
      description =
          "With --summary (or $GITHUB_STEP_SUMMARY): also a layer table per built service and"
              + " platform, as `orchestrator layers` prints it.")
  boolean layers;

  @Option(names = "--force", description = "Build even services whose image is up to date.")
  boolean force;

  @Option(
      names = "--changed-since",
      paramLabel = "REF",
      description =
          "Build only services whose inputs changed since the git revision REF, and "
              + "their dependents (see `orchestrator affected`).")
  String changedSince;

  @Option(
      names = "--explain",
      paramLabel = "SERVICE",
      description =
          "Say why SERVICE would or would not be rebuilt (input hashes, where a "
              + "matching image was looked for); build nothing.")
  String explain;

  BuildCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    BuildRequest request =
        BuildRequest.builder(shared.root())
            .profile(shared.profile())
            .platforms(shared.platforms)
            .services(services)
            .jobs(shared.jobs)
            .failFast(failFast)
            .dryRun(dryRun)
            .force(force)
            .changedSince(Optional.ofNullable(changedSince))
            .digestsFile(Optional.ofNullable(digestsFile).map(p -> p.toAbsolutePath().normalize()))
            .verifyAfter(verify)
            .waitForLock(waitForLock)
            .dependenciesFrom(
                dependenciesFrom.stream().map(p -> p.toAbsolutePath().normalize()).toList())
            .build();
    if (explain != null) {
      ExplainText.print(
          shared.orchestrator(context).explain(request, explain), shared.json, context.out());
      return ExitCodes.OK;
    }
    ProgressPrinter progress =
        new ProgressPrinter(
            shared.json ? context.err() : context.out(),
            context.interactive() && !shared.json,
            shared.verbose);
    BuildOutcome outcome = shared.orchestrator(context).build(request, progress);
    if (dryRun) {
      printDryRun(outcome);
      return ExitCodes.of(outcome.verdict());
    }
    BuildReport report = outcome.report().orElseThrow();
    progress.finish();
    CiReports.build(
        report,
        "orchestrator build" + shared.profile().map(p -> " (" + p + ")").orElse(""),
        Optional.ofNullable(junit),
        Optional.ofNullable(summary),
        layers ? layerTables(report) : "",
        System.getenv());
    if (shared.json) {
      Map<String, Object> json = ReportJson.of(report);
      outcome.verified().ifPresent(v -> json.put("verify", VerifyJson.of(v)));
      outcome.reproducible().ifPresent(r -> json.put("reproducible", ReproducibleJson.of(r)));
      context.out().println(Json.write(json));
    } else {
      context.out().print(ReportText.report(report));
      outcome.verified().ifPresent(v -> context.out().print(VerifyText.render(v)));
      outcome.reproducible().ifPresent(r -> context.out().print(ReproducibleText.render(r)));
    }
    return ExitCodes.of(outcome.verdict());
  }

  /**
   * The layer tables of every service the build left an image of; one that cannot be read is named
   * with why, and the build's exit code stands.
   */
  private String layerTables(BuildReport report) {
    StringBuilder markdown = new StringBuilder();
    for (ServiceResult s : report.services()) {
      if (!s.status().succeeded()) {
        continue;
      }
      List<String> platforms = s.platforms().stream().map(p -> p.platform()).toList();
      try {
        markdown.append(
            LayersText.markdown(
                shared
                    .orchestrator(context)
                    .layers(
                        new LayersRequest(
                            shared.root(),
                            shared.profile(),
                            s.name(),
                            platforms,
                            Optional.ofNullable(digestsFile)
                                .map(p -> p.toAbsolutePath().normalize())))));
      } catch (OrchestratorException e) {
        markdown.append("layers of ").append(s.name()).append(" not read: ");
        markdown.append(e.getMessage().replace('\n', ' ')).append("\n\n");
      }
    }
    return markdown.toString();
  }

  private void printDryRun(BuildOutcome outcome) {
    if (shared.json) {
      context
          .out()
          .println(
              Json.write(
                  Map.of(
                      "waves",
                      outcome.plan().waves(),
                      "platforms",
                      outcome.platforms(),
                      "commands",
                      outcome.commands())));
      return;
    }
    context.out().print(ReportText.dryRun(outcome.plan(), outcome.platforms(), outcome.commands()));
  }
}
