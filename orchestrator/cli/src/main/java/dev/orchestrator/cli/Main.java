package dev.orchestrator.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code orchestrator}: the command line front end. */
public final class Main {
  private Main() {}

  /**
   * SLF4J's provider, named so that SLF4J does not look for one with a {@code ServiceLoader}: that
   * scan of the jar took about 9 ms of every run. SLF4J then says so on stderr at its INFO level,
   * so its own reports are kept to warnings. Each is set only when the user has not set it.
   */
  static final String LOGGING_PROVIDER = "ch.qos.logback.classic.spi.LogbackServiceProvider";

  public static void main(String[] args) {
    nameTheLoggingProvider();
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
    int exit = CliFactory.forArguments(out, err, interactive(), args).execute(args);
    finished.set(true);
    out.flush();
    err.flush();
    System.exit(exit);
  }

  /** Set before anything logs; also by the start-up archive's training run. */
  public static void nameTheLoggingProvider() {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", LOGGING_PROVIDER);
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
  }

  /** Whether a terminal is attached: progress is then drawn live. */
  public static boolean interactive() {
    return System.console() != null;
  }
}
