package dev.orchestrator.core.engine;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the docker CLI's buildx plugin which platforms the current builder offers. The engine API
 * knows nothing of buildx, so this runs {@code docker buildx inspect} against the same engine.
 */
final class BuildxProbe {
  private static final Logger LOG = LoggerFactory.getLogger(BuildxProbe.class);
  private static final Duration TIME_LIMIT = Duration.ofSeconds(30);

  /** What running the probe gave: the platforms, or (when {@code failure} is not empty) why not. */
  record Result(List<String> platforms, String failure) {
    static Result found(List<String> platforms) {
      return new Result(List.copyOf(platforms), "");
    }

    static Result failed(String why) {
      return new Result(List.of(), why);
    }

    boolean ok() {
      return failure.isEmpty();
    }
  }

  private final URI dockerHost;

  BuildxProbe(URI dockerHost) {
    this.dockerHost = dockerHost;
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

  Result probe() {
    Path output = null;
    try {
      output = Files.createTempFile("buildx-inspect", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().put("DOCKER_HOST", dockerHost.toString());
      Process process = builder.start();
      if (!process.waitFor(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Result.failed("`docker buildx inspect` did not finish within " + TIME_LIMIT);
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      LOG.debug("docker buildx inspect exited {}:\n{}", process.exitValue(), text);
      if (process.exitValue() != 0) {
        return Result.failed("`docker buildx inspect` failed: " + text.strip());
      }
      return Result.found(parsePlatforms(text));
    } catch (IOException e) {
      return Result.failed("could not run `docker buildx inspect`: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.failed("interrupted while running `docker buildx inspect`");
    } finally {
      deleteQuietly(output);
    }
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
