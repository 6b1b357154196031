package dev.orchestrator.core.engine;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.process.Command;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the docker CLI's buildx plugin which platforms the current builder offers. The engine API
 * knows nothing of buildx, so this runs {@code docker buildx inspect}, through the same runner and
 * environment as every build, so it asks the builder the builds will use.
 */
final class BuildxProbe {
  private static final Logger LOG = LoggerFactory.getLogger(BuildxProbe.class);
  private static final Duration TIME_LIMIT = Duration.ofSeconds(30);

  /**
   * What running the probe gave: the platforms and whether the exporter rewrites timestamps, or
   * (when {@code failure} is not empty) why not.
   */
  record Result(List<String> platforms, String failure, TimestampRewrite rewrite) {
    static Result found(List<String> platforms) {
      return new Result(List.copyOf(platforms), "", TimestampRewrite.NOT_ASKED);
    }

    static Result failed(String why) {
      return new Result(List.of(), why, new TimestampRewrite(false, why));
    }

    boolean ok() {
      return failure.isEmpty();
    }
  }

  private final CommandRunner runner;

  BuildxProbe(CommandRunner runner) {
    this.runner = runner;
  }

  static List<String> command() {
    return List.of("docker", "buildx", "inspect");
  }

  /** The platforms on the {@code Platforms:} line, without buildx's {@code *} markers. */
  static List<String> parsePlatforms(String inspectOutput) {
    String line =
        inspectOutput
            .lines()
            .map(String::strip)
            .filter(l -> l.startsWith("Platforms:"))
            .findFirst()
            .orElse("Platforms:");
    return Arrays.stream(line.substring("Platforms:".length()).split(","))
        .map(p -> p.strip().replace("*", ""))
        .filter(p -> !p.isEmpty())
        .toList();
  }

  /** The value after {@code label:} on the first line holding it, stripped; empty if none. */
  static String field(String inspectOutput, String label) {
    return inspectOutput
        .lines()
        .map(String::strip)
        .filter(l -> l.startsWith(label + ":"))
        .map(l -> l.substring(label.length() + 1).strip())
        .findFirst()
        .orElse("");
  }

  Result probe() {
    ProcessResult result;
    try {
      result = runner.run(Command.of(command(), null).withTimeLimit(TIME_LIMIT), line -> {});
    } catch (EnvironmentException e) {
      return Result.failed("could not run `docker buildx inspect`: " + e.getMessage());
    }
    String text = String.join("\n", result.output());
    LOG.debug("docker buildx inspect exited {}:\n{}", result.exitCode(), text);
    if (result.timedOut()) {
      return Result.failed("`docker buildx inspect` did not finish within " + TIME_LIMIT);
    }
    if (Thread.currentThread().isInterrupted()) {
      return Result.failed("interrupted while running `docker buildx inspect`");
    }
    if (!result.succeeded()) {
      return Result.failed("`docker buildx inspect` failed: " + text.strip());
    }
    return new Result(
        parsePlatforms(text),
        "",
        TimestampRewrite.of(field(text, "Driver"), field(text, "BuildKit version")));
  }

  /** Removes a temporary file; one left behind is logged, not fatal. */
  static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.debug("could not delete {}", file, e);
      }
    }
  }
}
