package dev.orchestrator.core.process;

import dev.orchestrator.core.error.EnvironmentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link CommandRunner} for tests: records every command and answers from a script, for the
 * failure paths a real engine will not produce on demand. A command no answer matches fails the
 * test, so nothing runs unnoticed.
 */
public final class RecordingCommandRunner implements CommandRunner {
  private final List<Command> commands = Collections.synchronizedList(new ArrayList<>());
  private final List<Answer> answers = new ArrayList<>();

  /** One scripted reply: to commands whose argv starts with {@code prefix}. */
  private record Answer(List<String> prefix, Function<Command, ProcessResult> reply) {
    boolean matches(List<String> argv) {
      return argv.size() >= prefix.size() && argv.subList(0, prefix.size()).equals(prefix);
    }
  }

  /** Commands starting with {@code prefix} exit with {@code exitCode}, printing these lines. */
  public RecordingCommandRunner answer(List<String> prefix, int exitCode, String... output) {
    return answer(prefix, command -> result(command, exitCode, List.of(output)));
  }

  /** Commands starting with {@code prefix} get whatever {@code reply} makes of them. */
  public synchronized RecordingCommandRunner answer(
      List<String> prefix, Function<Command, ProcessResult> reply) {
    answers.add(0, new Answer(List.copyOf(prefix), reply));
    return this;
  }

  /** Commands starting with {@code prefix} cannot be started at all, as with a missing program. */
  public RecordingCommandRunner cannotStart(List<String> prefix) {
    return answer(
        prefix,
        command -> {
          throw new EnvironmentException(
              "cannot start " + command.program() + ": not found", "install it");
        });
  }

  /** A result as the real runner gives it. */
  public static ProcessResult result(Command command, int exitCode, List<String> output) {
    return new ProcessResult(command.argv(), exitCode, output, Duration.ofMillis(1));
  }

  @Override
  public ProcessResult run(Command command, Consumer<String> onLine) {
    commands.add(command);
    Answer answer;
    synchronized (this) {
      answer =
          answers.stream()
              .filter(a -> a.matches(command.argv()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("unexpected command: " + command.argv()));
    }
    ProcessResult result = answer.reply().apply(command);
    result.output().forEach(onLine);
    return result;
  }

  @Override
  public void stopAll() {}

  /** Every command run so far, in order, with its input and environment. */
  public List<Command> commands() {
    synchronized (commands) {
      return List.copyOf(commands);
    }
  }

  /** Every argv run so far, in order. */
  public List<List<String>> argvs() {
    synchronized (commands) {
      return commands.stream().map(Command::argv).toList();
    }
  }

  /** The argvs that start with {@code prefix}. */
  public List<List<String>> argvs(String... prefix) {
    List<String> p = List.of(prefix);
    return argvs().stream()
        .filter(a -> a.size() >= p.size() && a.subList(0, p.size()).equals(p))
        .toList();
  }
}
