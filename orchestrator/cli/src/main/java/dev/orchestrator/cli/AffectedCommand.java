package dev.orchestrator.cli;

import dev.orchestrator.core.hash.Affected;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "affected",
    description =
        "List the services whose inputs changed since a git revision, and their "
            + "dependents, with the reason for each.")
final class AffectedCommand implements Callable<Integer> {
  private final CliFactory.Context context;
  @Mixin SharedOptions shared;

  @Option(
      names = "--since",
      paramLabel = "REF",
      required = true,
      description = "The git revision to compare the working tree with (e.g. origin/main).")
  String since;

  AffectedCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    shared.orchestrator(context).checkProfile(shared.root(), shared.profile());
    List<Affected.Entry> affected = shared.orchestrator(context).affected(shared.root(), since);
    if (shared.json) {
      context
          .out()
          .println(
              Json.write(
                  affected.stream()
                      .map(
                          e -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("name", e.service());
                            m.put("reason", e.reason());
                            return m;
                          })
                      .toList()));
    } else {
      affected.forEach(
          e -> context.out().printf(Locale.ROOT, "%-24s %s%n", e.service(), e.reason()));
    }
    return ExitCodes.OK;
  }
}
