package dev.orchestrator.cli;

import dev.orchestrator.core.publish.JobMatrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "matrix",
    description = "Print the CI job matrix: one job per architecture, each pushing by digest.")
final class MatrixCommand implements Callable<Integer> {
  enum Format {
    github,
    json,
    text
  }

  private final CliFactory.Context context;
  @Mixin SharedOptions shared;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "github (one line for strategy.matrix: {\"include\": […]}), json or text.")
  Format format;

  MatrixCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<JobMatrix.Job> jobs =
        shared.orchestrator(context).matrix(shared.root(), shared.profile(), shared.platforms);
    List<Map<String, Object>> entries = jobs.stream().map(MatrixCommand::entry).toList();
    Format chosen = shared.json ? Format.json : format;
    if (chosen == Format.github) {
      // One line, as $GITHUB_OUTPUT needs; strings never hold a raw newline, so this is safe.
      context.out().println(Json.write(Map.of("include", entries)).replaceAll("\n\\s*", ""));
    } else if (chosen == Format.json) {
      context.out().println(Json.write(Map.of("jobs", entries)));
    } else {
      jobs.forEach(
          j ->
              context
                  .out()
                  .printf(
                      Locale.ROOT,
                      "%-8s %-14s %-10s %-18s make container-push ARCH=%s%n",
                      j.arch(),
                      j.platform(),
                      j.profile(),
                      j.runner(),
                      j.arch()));
    }
    return ExitCodes.OK;
  }

  private static Map<String, Object> entry(JobMatrix.Job job) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("arch", job.arch());
    json.put("platform", job.platform());
    json.put("profile", job.profile());
    json.put("runner", job.runner());
    json.put("digestsFile", job.digestsFile());
    json.put("artifact", job.artifact());
    return json;
  }
}
