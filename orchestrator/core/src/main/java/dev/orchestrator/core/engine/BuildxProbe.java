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
import java.util.Optional;
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
  private final Optional<RememberedProbes> remembered;

  BuildxProbe(CommandRunner runner) {
    this(runner, Optional.empty());
  }

  /**
   * @param remembered answers kept from earlier runs ({@link #probe(List, String)})
   */
  BuildxProbe(CommandRunner runner, Optional<RememberedProbes> remembered) {
    this.runner = runner;
    this.remembered = remembered;
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

  /** Asks buildx now. */
  Result probe() {
    return ask().result();
  }

  /**
   * The answer an earlier run kept for the same builder ({@link RememberedProbes}) when it offers
   * every wanted platform; else buildx is asked now, and a successful answer is kept.
   *
   * @param engine the engine's ID and version; empty: buildx is asked
   */
  Result probe(List<String> wanted, String engine) {
    if (remembered.isEmpty() || engine.isBlank()) {
      return probe();
    }
    String fingerprint = remembered.get().fingerprint(engine);
    Optional<Result> kept =
        remembered
            .get()
            .recall(fingerprint)
            .map(BuildxProbe::answerOf)
            .filter(r -> PreflightChecks.missingPlatforms(wanted, r.platforms()).isEmpty());
    if (kept.isPresent()) {
      return kept.get();
    }
    Answer asked = ask();
    if (asked.result().ok()) {
      remembered.get().remember(fingerprint, asked.output());
    }
    return asked.result();
  }

  /** What buildx printed, and what that says. */
  private record Answer(Result result, String output) {}

  private Answer ask() {
    ProcessResult result;
    try {
      result = runner.run(Command.of(command(), null).withTimeLimit(TIME_LIMIT), line -> {});
    } catch (EnvironmentException e) {
      return failed("could not run `docker buildx inspect`: " + e.getMessage());
    }
    String text = String.join("\n", result.output());
    LOG.debug("docker buildx inspect exited {}:\n{}", result.exitCode(), text);
    if (result.timedOut()) {
      return failed("`docker buildx inspect` did not finish within " + TIME_LIMIT);
    }
    if (Thread.currentThread().isInterrupted()) {
      return failed("interrupted while running `docker buildx inspect`");
    }
    if (!result.succeeded()) {
      return failed("`docker buildx inspect` failed: " + text.strip());
    }
    return new Answer(answerOf(text), text);
  }

  private static Answer failed(String why) {
    return new Answer(Result.failed(why), "");
  }

  /** The platforms and exporter of a successful {@code docker buildx inspect}'s output. */
  static Result answerOf(String inspectOutput) {
    return new Result(
        parsePlatforms(inspectOutput),
        "",
        TimestampRewrite.of(
            field(inspectOutput, "Driver"), field(inspectOutput, "BuildKit version")));
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
