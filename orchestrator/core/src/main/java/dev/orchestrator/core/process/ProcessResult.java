package dev.orchestrator.core.process;

import java.time.Duration;
import java.util.List;

/**
 * A process that ran: non-zero exit is data for the caller to judge, not an exception.
 *
 * @param timedOut stopped because it ran past its command's time limit
 */
public record ProcessResult(
    List<String> command, int exitCode, List<String> output, Duration duration, boolean timedOut) {

  public ProcessResult {
    command = List.copyOf(command);
    output = List.copyOf(output);
  }

  public ProcessResult(List<String> command, int exitCode, List<String> output, Duration duration) {
    this(command, exitCode, output, duration, false);
  }

  public boolean succeeded() {
    return exitCode == 0 && !timedOut;
  }

  /** The last lines of output, where tools print their error. */
  public List<String> tail(int lines) {
    return output.subList(Math.max(0, output.size() - lines), output.size());
  }
}
