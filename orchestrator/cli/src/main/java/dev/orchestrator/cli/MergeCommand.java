package dev.orchestrator.cli;

import dev.orchestrator.core.publish.MergeOutcome;
import dev.orchestrator.core.publish.MergeRequest;
import dev.orchestrator.core.report.ShellQuoting;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "merge",
    description =
        "Join the per-architecture jobs' digests into tagged"
            + " multi-platform images (docker buildx imagetools create), after checking every file.")
final class MergeCommand implements Callable<Integer> {
  private final CliFactory.Context context;
  @Mixin SharedOptions shared;

  @Parameters(
      paramLabel = "DIGESTS",
      arity = "1..*",
      description =
          "Digests files of the architecture jobs, or folders holding them (digests*.json, at any depth).")
  List<Path> digests;

  @Option(
      names = "--service",
      paramLabel = "SERVICE",
      split = ",",
      description = "Publish only these services (default: all).")
  List<String> services = List.of();

  @Option(
      names = "--allow-partial",
      description = "Publish services that lack a platform with the platforms there are.")
  boolean allowPartial;

  @Option(
      names = "--summary",
      paramLabel = "FILE",
      description =
          "Also write a Markdown table of what was published; appended to $GITHUB_STEP_SUMMARY"
              + " when that is set.")
  java.nio.file.Path summary;

  @Option(names = "--dry-run", description = "Check and print the commands; push nothing.")
  boolean dryRun;

  MergeCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    MergeRequest request =
        new MergeRequest(
            shared.root(),
            shared.profile(),
            digests.stream().map(p -> p.toAbsolutePath().normalize()).toList(),
            services,
            allowPartial,
            dryRun,
            System.getenv());
    MergeOutcome outcome = shared.orchestrator(context).merge(request);
    CiReports.merge(outcome, java.util.Optional.ofNullable(summary), System.getenv());
    if (shared.json) {
      context.out().println(Json.write(json(outcome)));
    } else {
      outcome.plan().omitted().forEach(o -> context.out().println("PARTIAL " + o));
      if (dryRun) {
        outcome.plan().merges().forEach(m -> context.out().println(ShellQuoting.display(m.argv())));
      }
      for (MergeOutcome.Result r : outcome.results()) {
        context
            .out()
            .printf(
                Locale.ROOT,
                "%s %s -> %s (%.1fs)%n",
                r.exitCode() == 0 ? "merged" : "FAILED",
                r.service(),
                String.join(" ", r.tags()),
                r.duration().toMillis() / 1000.0);
        r.outputTail().forEach(line -> context.out().println("  " + line));
      }
    }
    return ExitCodes.of(outcome.verdict());
  }

  private static Map<String, Object> json(MergeOutcome outcome) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("success", !outcome.anyFailed());
    json.put("omitted", outcome.plan().omitted());
    json.put(
        "services",
        outcome.plan().merges().stream()
            .map(
                m -> {
                  Map<String, Object> s = new LinkedHashMap<>();
                  s.put("name", m.service());
                  s.put("tags", m.tags());
                  s.put("sources", m.sources());
                  s.put("command", m.argv());
                  outcome.results().stream()
                      .filter(r -> r.service().equals(m.service()))
                      .findFirst()
                      .ifPresent(
                          r -> {
                            s.put("exitCode", r.exitCode());
                            s.put("durationMs", r.duration().toMillis());
                            s.put("outputTail", r.outputTail());
                          });
                  return s;
                })
            .toList());
    return json;
  }
}
