package dev.orchestrator.core.engine;

import java.net.URI;

/** Opens connections to Docker engines. */
public final class Engines {
  private Engines() {}

  /**
   * The engine named by {@code DOCKER_HOST}, or {@code unix:///var/run/docker.sock}. Does not
   * contact it: call {@link Engine#preflight} for that. On a unix socket, the calls of the build
   * path go over the socket directly; docker-java is loaded only for the others.
   */
  public static Engine connect() {
    String dockerHost = System.getenv("DOCKER_HOST");
    URI host = URI.create(dockerHost == null || dockerHost.isBlank()
        ? "unix:///var/run/docker.sock" : dockerHost);
    // Under a docker context, only docker-java knows where the engine is.
    URI fast = System.getenv("DOCKER_CONTEXT") == null ? host : URI.create("tcp://context");
    return new LazyEngine(fast, DockerJavaConnections::defaultEngine);
  }

  /** The engine at {@code host}, such as {@code unix:///run/other.sock} or a tcp address. */
  static Engine connect(URI host) {
    return DockerJavaConnections.connect(host);
  }
}
