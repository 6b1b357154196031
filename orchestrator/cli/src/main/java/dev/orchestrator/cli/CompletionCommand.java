package dev.orchestrator.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "completion",
    description = {
      "Print a bash (and zsh) completion script for every command and option.",
      "Install: source <(orchestrator completion), or save it under"
          + " /etc/bash_completion.d/orchestrator. In zsh, run autoload -U +X bashcompinit &&"
          + " bashcompinit first."
    })
final class CompletionCommand implements Callable<Integer> {
  private final CliFactory.Context context;
  @Spec CommandSpec spec;

  CompletionCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.out().print(AutoComplete.bash("orchestrator", spec.root().commandLine()));
    context.out().flush();
    return ExitCodes.OK;
  }
}
