package dev.orchestrator.core.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container as the engine describes it. The configuration fields are the container's, which the
 * engine took from the image variant of the container's platform: under the containerd image store
 * {@code image inspect} shows the host platform's configuration only.
 *
 * @param status {@code created}, {@code running}, {@code exited} and so on
 * @param exitCode meaningful once it has exited
 * @param pid the main process on the engine's host; 0 when not running
 * @param health {@code starting}, {@code healthy} or {@code unhealthy}; empty without a HEALTHCHECK
 * @param lastProbeOutput what the latest health probe printed, trimmed (empty if none ran)
 * @param user the configured USER; empty for the default (root)
 * @param labels the image's labels with the container's own
 * @param healthcheck the HEALTHCHECK test, such as {@code [CMD, /bin/app, check]}; empty when there
 *     is none (or it is {@code NONE})
 * @param hostPorts container TCP port to the published port on 127.0.0.1
 * @param entrypoint the ENTRYPOINT; empty when there is none
 * @param cmd the CMD, or the command that replaced it when the container was created
 * @param exposedPorts the TCP ports the image EXPOSEs (with any the container publishes)
 */
public record ContainerState(
    String id,
    String status,
    boolean running,
    int exitCode,
    long pid,
    Optional<String> health,
    String lastProbeOutput,
    String user,
    Map<String, String> labels,
    List<String> healthcheck,
    Map<Integer, Integer> hostPorts,
    List<String> entrypoint,
    List<String> cmd,
    List<Integer> exposedPorts) {

  public ContainerState {
    labels = Map.copyOf(labels);
    healthcheck = List.copyOf(healthcheck);
    hostPorts = Map.copyOf(hostPorts);
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    exposedPorts = List.copyOf(exposedPorts);
  }
}
