package dev.orchestrator.core.process;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every external program the core starts (buildx, imagetools, git, preparation steps, the
 * buildx probe). The {@link dev.orchestrator.core.Orchestrator} receives one; tests give it a
 * recording fake.
 *
 * <p>Two failure channels, as maven-invoker has them: a program that cannot be started at all is an
 * exception; a program that ran and exited non-zero is a {@link ProcessResult} for the caller to
 * judge.
 */
public interface CommandRunner {

  /**
   * Runs the command to its end, giving each line of its merged output to {@code onLine} as it
   * comes. Interrupting the calling thread stops the program (exit code 130 in the result).
   *
   * @throws dev.orchestrator.core.error.EnvironmentException when the program cannot be started
   *     (not on {@code PATH}, not executable)
   */
  ProcessResult run(Command command, Consumer<String> onLine);

  /** {@link #run(Command, Consumer)} with no time limit, keeping the output only in the result. */
  default ProcessResult run(List<String> argv, Path workingDirectory) {
    return run(Command.of(argv, workingDirectory), line -> {});
  }

  /** Stops every program still running, with its descendants: for Ctrl-C and an interrupt. */
  void stopAll();
}
