package dev.orchestrator.core.config;

import dev.orchestrator.core.size.Budget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optional {@code service.yaml} beside a Dockerfile. Every field is optional; paths are
 * relative to the service folder and already checked not to escape the repository.
 *
 * @param file the descriptor file itself, for error messages (null when there is none)
 * @param lines the 1-based line of each top-level key, so later checks (an unknown dependsOn) can
 *     point at it
 */
public record ServiceDescriptor(
    Path file,
    Optional<String> name,
    Optional<String> dockerfile,
    Optional<String> context,
    Optional<String> target,
    Map<String, String> args,
    List<String> platforms,
    List<String> dependsOn,
    Optional<Budget> budget,
    Optional<Budget> compressedBudget,
    List<String> tags,
    Optional<PrepareStep> prepare,
    List<Integer> ports,
    Optional<HealthCheck> health,
    List<Secret> secrets,
    Map<String, Integer> lines) {

  public ServiceDescriptor {
    args = Map.copyOf(args);
    platforms = List.copyOf(platforms);
    dependsOn = List.copyOf(dependsOn);
    tags = List.copyOf(tags);
    ports = List.copyOf(ports);
    secrets = List.copyOf(secrets);
    lines = Map.copyOf(lines);
  }

  /** The descriptor of a service without {@code service.yaml}. */
  public static ServiceDescriptor none() {
    return new ServiceDescriptor(
        null,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        List.of(),
        Map.of());
  }

  public int lineOf(String key) {
    return lines.getOrDefault(key, 0);
  }

  /**
   * A host-side command run from the service folder before its image build (as an argument list,
   * never through a shell). It is skipped when the files matching {@code inputs} have not changed
   * since its last successful run.
   */
  public record PrepareStep(List<String> command, List<String> inputs) {
    public PrepareStep {
      command = List.copyOf(command);
      inputs = List.copyOf(inputs);
    }
  }

  /** How verify checks the running container: the HTTP path on the first port, and patience. */
  public record HealthCheck(String path, Duration startTimeout) {}

  /**
   * A BuildKit secret the build may mount ({@code RUN --mount=type=secret,id=...}): its value comes
   * from an environment variable or a file on the host, and never enters an image layer, the build
   * cache or any output of the orchestrator.
   *
   * @param source the environment variable name ({@code env}) or the file path ({@code src})
   */
  public record Secret(String id, Kind kind, String source) {
    public enum Kind {
      ENV,
      FILE
    }
  }
}
