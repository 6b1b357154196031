package dev.orchestrator.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "clean",
    description = "Remove the local build cache, orchestrator state and built images.")
final class CleanCommand implements Callable<Integer> {
  private final CliFactory.Context context;
  @Mixin SharedOptions shared;

  CleanCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<String> removed = shared.orchestrator(context).clean(shared.root(), shared.profile());
    removed.forEach(r -> context.out().println("removed " + r));
    if (removed.isEmpty()) {
      context.out().println("nothing to clean");
    }
    return ExitCodes.OK;
  }
}
