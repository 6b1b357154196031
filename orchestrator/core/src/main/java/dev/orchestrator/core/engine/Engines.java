package dev.orchestrator.core.engine;

import dev.orchestrator.core.process.CommandRunner;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Opens connections to Docker engines, through docker-java (the engine API). */
public final class Engines {
  private Engines() {}

  /**
   * The engine named by {@code DOCKER_HOST} in {@code environment} (the runner's, so that builds
   * and the engine API reach the same engine), else docker-java's default ({@code
   * unix:///var/run/docker.sock}). Does not contact it: call {@link Engine#preflight} for that.
   *
   * @param runner runs the docker CLI where the engine API is not enough (the buildx probe)
   */
  public static Engine connect(CommandRunner runner, Map<String, String> environment) {
    Optional<String> host =
        Optional.ofNullable(environment.get("DOCKER_HOST")).filter(h -> !h.isBlank());
    return host.isPresent()
        ? DockerJavaConnections.connect(URI.create(host.get()), runner)
        : DockerJavaConnections.defaultEngine(runner);
  }

  /** The engine at {@code host}, such as {@code unix:///run/other.sock} or a tcp address. */
  static Engine connect(URI host, CommandRunner runner) {
    return DockerJavaConnections.connect(host, runner);
  }
}
