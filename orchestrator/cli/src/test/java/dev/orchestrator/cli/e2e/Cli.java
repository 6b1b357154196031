package dev.orchestrator.cli.e2e;

import dev.orchestrator.cli.CliFactory;
import dev.orchestrator.core.Orchestrator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the real CLI in-process, as `orchestrator ARGS`, and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

  static Cli run(String... args) {
    return run(null, args);
  }

  static Cli run(Orchestrator orchestrator, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter o = new PrintWriter(out, true);
    PrintWriter e = new PrintWriter(err, true);
    int exit =
        (orchestrator == null
                ? CliFactory.create(o, e, false)
                : CliFactory.create(o, e, false, orchestrator))
            .execute(args);
    return new Cli(exit, out.toString(), err.toString());
  }

  /** {@code orchestrator ARGS --root ROOT}. */
  static Cli in(java.nio.file.Path root, String... args) {
    List<String> withRoot = new java.util.ArrayList<>(List.of(args));
    withRoot.addAll(List.of("--root", root.toString()));
    return run(withRoot);
  }

  static Cli run(List<String> args) {
    return run(args.toArray(String[]::new));
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
  }
}
