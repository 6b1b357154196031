package dev.orchestrator.core.engine;

import java.util.List;

/**
 * What preflight found.
 *
 * @param serverVersion engine version, such as {@code 26.1.5}
 * @param apiVersion engine API version, such as {@code 1.45}
 * @param containerdStore whether images live in the containerd image store
 * @param builderPlatforms platforms the current buildx builder offers
 * @param hostPlatform the engine's own platform, such as {@code linux/amd64}
 */
public record EngineInfo(
    String serverVersion,
    String apiVersion,
    boolean containerdStore,
    List<String> builderPlatforms,
    String hostPlatform) {

  public EngineInfo {
    builderPlatforms = List.copyOf(builderPlatforms);
  }
}
