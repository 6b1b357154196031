package dev.orchestrator.core.engine;

import java.net.URI;

/** Opens connections to Docker engines, through docker-java (the engine API). */
public final class Engines {
  private Engines() {}

  /**
   * The engine named by {@code DOCKER_HOST}, or {@code unix:///var/run/docker.sock}. Does not
   * contact it: call {@link Engine#preflight} for that.
   */
  public static Engine connect() {
    return DockerJavaConnections.defaultEngine();
  }

  /** The engine at {@code host}, such as {@code unix:///run/other.sock} or a tcp address. */
  static Engine connect(URI host) {
    return DockerJavaConnections.connect(host);
  }
}
