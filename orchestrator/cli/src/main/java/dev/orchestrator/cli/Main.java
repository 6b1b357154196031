package dev.orchestrator.cli;

import java.io.PrintWriter;

/** {@code orchestrator}: the command line front end. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Ctrl-C needs nothing here: the core stops the children and containers it started.
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int exit = CliFactory.create(out, err, System.console() != null).execute(args);
    out.flush();
    err.flush();
    System.exit(exit);
  }
}
