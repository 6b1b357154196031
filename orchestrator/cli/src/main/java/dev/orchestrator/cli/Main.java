package dev.orchestrator.cli;

import dev.orchestrator.core.process.ProcessRunner;
import java.io.PrintWriter;

/** {@code orchestrator}: the command line front end. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Ctrl-C: stop every buildx or Maven child, so that none is left behind.
    Runtime.getRuntime().addShutdownHook(new Thread(ProcessRunner::destroyAll, "stop-children"));
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int exit = CliFactory.create(out, err, System.console() != null).execute(args);
    out.flush();
    err.flush();
    System.exit(exit);
  }
}
