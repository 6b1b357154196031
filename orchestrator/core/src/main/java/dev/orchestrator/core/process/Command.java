package dev.orchestrator.core.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An external program to run: an argument list (never a shell string), where, with which extra
 * environment variables, and for how long at most.
 *
 * @param environment variables set on top of the runner's own environment
 * @param timeLimit stop the program (and report {@link ProcessResult#timedOut()}) after this long
 * @param input written to the program's standard input, which is then closed (empty: {@code
 *     /dev/null}); credential helpers read the registry's name this way
 */
public record Command(
    List<String> argv,
    Path workingDirectory,
    Map<String, String> environment,
    Optional<Duration> timeLimit,
    Optional<String> input) {

  public Command(
      List<String> argv,
      Path workingDirectory,
      Map<String, String> environment,
      Optional<Duration> timeLimit) {
    this(argv, workingDirectory, environment, timeLimit, Optional.empty());
  }

  public Command {
    argv = List.copyOf(argv);
    environment = Map.copyOf(environment);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a command needs at least the program");
    }
  }

  /** {@code argv} run in {@code workingDirectory}, with no extra variables and no time limit. */
  public static Command of(List<String> argv, Path workingDirectory) {
    return new Command(argv, workingDirectory, Map.of(), Optional.empty());
  }

  public Command withTimeLimit(Duration limit) {
    return new Command(argv, workingDirectory, environment, Optional.of(limit), input);
  }

  /** The same command with {@code text} on its standard input. */
  public Command withInput(String text) {
    return new Command(argv, workingDirectory, environment, timeLimit, Optional.of(text));
  }

  /** The program, as the user would recognise it in a message. */
  public String program() {
    return argv.get(0);
  }
}
