package dev.orchestrator.cli;

import dev.orchestrator.core.process.ProcessRunner;
import dev.orchestrator.core.verify.LiveContainers;
import java.io.PrintWriter;

/** {@code orchestrator}: the command line front end. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Ctrl-C: stop every buildx or Maven child, so that none is left behind.
    Runtime.getRuntime().addShutdownHook(new Thread(ProcessRunner::destroyAll, "stop-children"));
    // ... and remove every container verify is running.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(LiveContainers::removeAll, "remove-containers"));
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int exit = CliFactory.create(out, err, System.console() != null).execute(args);
    out.flush();
    err.flush();
    System.exit(exit);
  }
}
