package dev.orchestrator.cli;

import dev.orchestrator.core.VerifyRequest;
import dev.orchestrator.core.report.ReproducibleText;
import dev.orchestrator.core.report.VerifyText;
import dev.orchestrator.core.reproduce.ReproducibleReport;
import dev.orchestrator.core.verify.VerifyReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "verify",
    description =
        "Run every built image on every platform and check it: "
            + "healthy, non-root, read-only root, health endpoint, labels, size.")
final class VerifyCommand implements Callable<Integer> {
  private final CliFactory.Context context;
  @Mixin SharedOptions shared;

  @Parameters(
      paramLabel = "SERVICE",
      arity = "0..*",
      description = "Services to verify (default: all); their dependencies are not verified.")
  List<String> services = List.of();

  @picocli.CommandLine.Option(
      names = "--digests-file",
      paramLabel = "FILE",
      description =
          "With a push-by-digest profile: the job's digests file (default"
              + " .cache/orchestrator/digests-<arch>.json); its images are pulled by digest and"
              + " verified.")
  java.nio.file.Path digestsFile;

  @picocli.CommandLine.Option(
      names = "--reproducible",
      description =
          "Instead of running the images: build each service twice without cache, the same way"
              + " (to OCI layouts, rewrite-timestamp where the builder takes it), and compare the"
              + " per-platform manifest digests; a difference names the first differing layer,"
              + " its instruction and files (exit 6).")
  boolean reproducible;

  VerifyCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    VerifyRequest request =
        new VerifyRequest(
            shared.root(),
            shared.profile(),
            shared.platforms,
            services,
            shared.jobs,
            java.util.Optional.ofNullable(digestsFile).map(p -> p.toAbsolutePath().normalize()));
    ProgressPrinter progress =
        new ProgressPrinter(shared.json ? context.err() : context.out(), false, shared.verbose);
    if (reproducible) {
      ReproducibleReport report =
          shared.orchestrator(context).verifyReproducible(request, progress);
      context
          .out()
          .print(
              shared.json
                  ? Json.write(ReproducibleJson.of(report)) + System.lineSeparator()
                  : ReproducibleText.render(report));
      return ExitCodes.of(report.verdict());
    }
    VerifyReport report = shared.orchestrator(context).verify(request, progress);
    print(context, shared.json, report);
    return ExitCodes.of(report.verdict());
  }

  static void print(CliFactory.Context context, boolean json, VerifyReport report) {
    if (json) {
      context.out().println(Json.write(VerifyJson.of(report)));
    } else {
      context.out().print(VerifyText.render(report));
    }
  }
}
