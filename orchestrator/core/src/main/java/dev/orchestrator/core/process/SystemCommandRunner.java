package dev.orchestrator.core.process;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.OrchestratorBug;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The real {@link CommandRunner}: starts programs from argument lists (never through a shell) with
 * one environment for all of them, and stops every live child, with its descendants, on {@link
 * #stopAll} or when the JVM exits.
 */
public final class SystemCommandRunner implements CommandRunner {
  /** How long a stopped child gets to end before it is killed. */
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final Map<String, String> environment;
  private final ExitCleanup<Process> children =
      new ExitCleanup<>("child-processes", SystemCommandRunner::stop);

  /**
   * @param environment exactly the variables every child gets (plus its command's own): the one
   *     place that decides {@code DOCKER_HOST}, {@code DOCKER_CONTEXT} and {@code PATH} for buildx,
   *     git and the rest
   */
  public SystemCommandRunner(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Children see what this JVM was started with. */
  public static SystemCommandRunner inheritingEnvironment() {
    return new SystemCommandRunner(System.getenv());
  }

  /** The variables every child gets; the engine connection reads {@code DOCKER_HOST} from here. */
  public Map<String, String> environment() {
    return environment;
  }

  @Override
  public ProcessResult run(Command command, Consumer<String> onLine) {
    ProcessBuilder builder = new ProcessBuilder(command.argv()).redirectErrorStream(true);
    if (command.workingDirectory() != null) {
      builder.directory(command.workingDirectory().toFile());
    }
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.environment().putAll(command.environment());
    if (command.input().isEmpty()) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new EnvironmentException(
          "cannot start " + command.program() + ": " + e.getMessage(),
          "install " + command.program() + " or put it on PATH");
    }
    if (!children.register(process)) {
      return new ProcessResult(command.argv(), 130, List.of(), elapsed(start));
    }
    if (command.input().isPresent()) {
      // Small (a registry name): written whole before reading, so no second thread is needed.
      try (var stdin = process.getOutputStream()) {
        stdin.write(command.input().get().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // The program exited without reading it; its exit code and output say why.
      }
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    Optional<Thread> watchdog = command.timeLimit().map(limit -> watch(process, limit, timedOut));
    List<String> output = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        output.add(line);
        onLine.accept(line);
      }
      int exit = process.waitFor();
      return new ProcessResult(command.argv(), exit, output, elapsed(start), timedOut.get());
    } catch (IOException e) {
      // A pipe this runner made and alone reads: nothing on the user's side breaks it.
      throw new OrchestratorBug(
          "reading the output of "
              + command.program()
              + " (pid "
              + process.pid()
              + ") failed: "
              + e,
          e);
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      return new ProcessResult(command.argv(), 130, output, elapsed(start));
    } finally {
      watchdog.ifPresent(Thread::interrupt);
      children.unregister(process);
    }
  }

  @Override
  public void stopAll() {
    children.undoAll();
  }

  /** Live children, for tests. */
  int liveChildren() {
    return children.count();
  }

  /** A daemon thread that stops the process once its time is up. */
  private static Thread watch(Process process, Duration limit, AtomicBoolean timedOut) {
    Thread t =
        new Thread(
            () -> {
              try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                  timedOut.set(true);
                  stop(process);
                }
              } catch (InterruptedException e) {
                // The process ended first: nothing to do.
              }
            },
            "time-limit");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
