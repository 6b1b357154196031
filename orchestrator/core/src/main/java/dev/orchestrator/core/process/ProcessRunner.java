package dev.orchestrator.core.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs a command from an argument list (never through a shell), streaming its merged output line by
 * line. Every live child is tracked so that an interrupted run can stop them all.
 */
public final class ProcessRunner {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  private ProcessRunner() {}

  /**
   * @throws UncheckedIOException when the command cannot be started at all (not on PATH)
   */
  public static ProcessResult run(
      List<String> command,
      Path workingDirectory,
      Map<String, String> environment,
      Consumer<String> onLine) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (workingDirectory != null) {
      builder.directory(workingDirectory.toFile());
    }
    builder.environment().putAll(environment);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    LIVE.add(process);
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
      return new ProcessResult(command, exit, output, Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      destroy(process);
      Thread.currentThread().interrupt();
      return new ProcessResult(command, 130, output, Duration.ofNanos(System.nanoTime() - start));
    } finally {
      LIVE.remove(process);
    }
  }

  /** Stops every child still running, with its descendants: for Ctrl-C and --fail-fast. */
  public static void destroyAll() {
    LIVE.forEach(ProcessRunner::destroy);
  }

  private static void destroy(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
