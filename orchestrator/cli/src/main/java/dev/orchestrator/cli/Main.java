package dev.orchestrator.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code orchestrator}: the command line front end. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // On Ctrl-C the core stops the children and containers it started; this only says so, once,
    // when the command is still running (the JVM's exit code is then 130).
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    AtomicBoolean finished = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (!finished.get()) {
                    CliFactory.sayInterrupted(err);
                  }
                },
                "say-interrupted"));
    int exit = CliFactory.forArguments(out, err, System.console() != null, args).execute(args);
    finished.set(true);
    out.flush();
    err.flush();
    System.exit(exit);
  }
}
