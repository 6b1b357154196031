package dev.orchestrator.core.engine;

import java.util.List;
import java.util.Map;

/**
 * A container to create from an image, with the hardening verify asks for.
 *
 * @param image the image reference
 * @param platform the image variant to run, such as {@code linux/arm64} (emulated if foreign)
 * @param labels labels on the container, so that callers can find every container they made
 * @param publishedPorts container TCP ports, each published on {@code 127.0.0.1} at a port the
 *     engine picks (see {@link ContainerState#hostPorts})
 * @param readOnlyRootfs mount the root filesystem read-only
 * @param tmpfs tmpfs mounts, path to mount options ({@code ""} for the defaults)
 * @param dropAllCapabilities drop every Linux capability
 * @param command replaces the image's CMD when not empty
 */
public record ContainerSpec(
    String image,
    String platform,
    Map<String, String> labels,
    List<Integer> publishedPorts,
    boolean readOnlyRootfs,
    Map<String, String> tmpfs,
    boolean dropAllCapabilities,
    List<String> command) {

  public ContainerSpec {
    labels = Map.copyOf(labels);
    publishedPorts = List.copyOf(publishedPorts);
    tmpfs = Map.copyOf(tmpfs);
    command = List.copyOf(command);
  }
}
