package dev.orchestrator.cli;

import dev.orchestrator.core.report.ReportText;
import dev.orchestrator.core.workspace.ServiceSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List the services of the repository.")
final class ListCommand implements Callable<Integer> {
  private final CliFactory.Context context;
  @Mixin SharedOptions shared;

  @picocli.CommandLine.Option(
      names = "--names",
      description = "Print only the names, one per line.")
  boolean namesOnly;

  ListCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    shared.orchestrator(context).checkProfile(shared.root(), shared.profile());
    List<ServiceSummary> services = shared.orchestrator(context).list(shared.root());
    if (namesOnly) {
      services.forEach(s -> context.out().println(s.name()));
      return ExitCodes.OK;
    }
    if (shared.json) {
      context.out().println(Json.write(services.stream().map(ListCommand::toJson).toList()));
      return ExitCodes.OK;
    }
    context.out().print(ReportText.services(services));
    return ExitCodes.OK;
  }

  private static Map<String, Object> toJson(ServiceSummary s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", s.name());
    json.put("directory", s.directory());
    json.put("dockerfile", s.dockerfile());
    json.put("dependsOn", s.dependsOn());
    json.put("externalImages", s.externalImages());
    json.put("platforms", s.platforms());
    json.put("mavenModule", s.mavenModule());
    json.put("origin", s.origin());
    json.put("image", s.image().orElse(null));
    json.put("warnings", s.warnings());
    return json;
  }
}
