package dev.orchestrator.cli;

import dev.orchestrator.core.InitFile;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "init",
    description = {
      "Write orchestrator.yaml with the service roots found; with --profiles the built-in"
          + " profiles into buildx-profiles/ (to edit), with --makefile orchestrator.mk (the"
          + " container-* targets, to include from your Makefile).",
      "Never overwrites a file: one that exists is left as it is, so running it again changes"
          + " nothing."
    })
final class InitCommand implements Callable<Integer> {
  private final CliFactory.Context context;
  @Mixin SharedOptions shared;

  @Option(names = "--profiles", description = "Also write the built-in profiles, to edit.")
  boolean profiles;

  @Option(names = "--makefile", description = "Also write orchestrator.mk.")
  boolean makefile;

  InitCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    shared.orchestrator(context).checkProfile(shared.root(), shared.profile());
    List<InitFile> files = shared.orchestrator(context).init(shared.root(), profiles, makefile);
    for (InitFile f : files) {
      context.out().println((f.written() ? "wrote " : "kept  ") + f.path() + ": " + f.detail());
    }
    if (files.stream().noneMatch(InitFile::written)) {
      context.out().println("nothing written: every file exists");
    }
    return ExitCodes.OK;
  }
}
