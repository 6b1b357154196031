package dev.orchestrator.cli;

import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.report.ReportText;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "plan",
    description = "Print the build order as waves of services that can build in parallel.")
final class PlanCommand implements Callable<Integer> {
  private final CliFactory.Context context;
  @Mixin SharedOptions shared;

  @Parameters(
      paramLabel = "SERVICE",
      arity = "0..*",
      description = "Services to plan, with their dependencies (default: all).")
  List<String> services = List.of();

  PlanCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    shared.orchestrator(context).checkProfile(shared.root(), shared.profile());
    Plan plan = shared.orchestrator(context).plan(shared.root(), services);
    if (shared.json) {
      context.out().println(Json.write(Map.of("waves", plan.waves())));
    } else {
      context.out().print(ReportText.plan(plan));
    }
    return ExitCodes.OK;
  }
}
