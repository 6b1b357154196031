package dev.orchestrator.cli;

import dev.orchestrator.core.lint.LintReport;
import dev.orchestrator.core.report.LintText;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "lint",
    description =
        "Check the services' Dockerfiles against the image policy (pinned bases, non-root USER,"
            + " HEALTHCHECK, no credentials in ARG/ENV, no latest, ADD with --checksum); build runs"
            + " it first. Exit 3 on an error.")
final class LintCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    sarif
  }

  private final CliFactory.Context context;
  @Mixin SharedOptions shared;

  @Parameters(
      paramLabel = "SERVICE",
      arity = "0..*",
      description = "Services to lint (default: all); their dependencies are not linted.")
  List<String> services = List.of();

  @Option(
      names = "--format",
      description =
          "text, json or sarif (SARIF 2.1.0, for GitHub code scanning; default: text, json with"
              + " --json).")
  Format format = Format.text;

  LintCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    LintReport report =
        shared.orchestrator(context).lint(shared.root(), shared.profile(), services);
    Format chosen = shared.json && format == Format.text ? Format.json : format;
    context
        .out()
        .print(
            switch (chosen) {
              case text -> LintText.render(report);
              case json -> Json.write(LintJson.of(report)) + "\n";
              case sarif -> Json.write(LintJson.sarif(report)) + "\n";
            });
    return ExitCodes.of(report.verdict());
  }
}
