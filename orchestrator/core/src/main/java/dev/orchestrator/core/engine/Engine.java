package dev.orchestrator.core.engine;

import dev.orchestrator.core.layers.PlatformImage;
import dev.orchestrator.core.size.ImageSizes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the orchestrator needs from a Docker engine. Implementations own their connection; close
 * them when done. No engine client library type appears here, so front ends and tests depend on
 * this interface only.
 *
 * <p>An engine that cannot be reached is a {@link dev.orchestrator.core.error.EnvironmentException}
 * from every method. So is a refusal, except from the container methods verify uses: those throw
 * {@link IllegalStateException}, which verify reports as a failed check of that image.
 */
public interface Engine extends AutoCloseable {

  /**
   * Checks that an engine answers, that its API is recent enough, that the containerd image store
   * is on, that buildx is present and that the builder offers every requested platform.
   *
   * @param platforms platforms the build needs, such as {@code linux/arm64}; may be empty
   * @return what was found
   * @throws dev.orchestrator.core.error.EnvironmentException naming what is missing and the remedy
   */
  EngineInfo preflight(List<String> platforms);

  /**
   * {@link #preflight} without asking buildx (a {@code docker buildx} process): for a build, which
   * calls {@link #requireBuilder} only once something is to be built, so that a build where every
   * image is up to date starts no buildx process at all.
   */
  default EngineInfo preflightWithoutBuilder(List<String> platforms) {
    return preflight(platforms);
  }

  /**
   * Checks that buildx is present and that its builder offers every requested platform.
   *
   * @throws dev.orchestrator.core.error.EnvironmentException naming what is missing and the remedy
   */
  default void requireBuilder(List<String> platforms) {}

  /**
   * Whether the builder's image exporter takes {@code rewrite-timestamp=true}; asks buildx unless
   * {@link #requireBuilder} did already.
   */
  default TimestampRewrite timestampRewrite() {
    return TimestampRewrite.NOT_ASKED;
  }

  /**
   * Sizes of a loaded image, one entry per platform it holds, keyed by platform ({@code
   * linux/amd64}) in name order. Attestation manifests are left out. Empty if the image does not
   * exist.
   *
   * @throws dev.orchestrator.core.error.EnvironmentException when the export is refused or cannot
   *     be read
   */
  Map<String, ImageSizes> imageSizes(String imageRef);

  /**
   * Each platform of a loaded image: its manifest digest, its layers with their sizes, and its
   * configuration's history (one export, as for {@link #imageSizes}). Attestation manifests are
   * left out. Empty if the image does not exist, and from engines that read no images (the offline
   * engine of dry runs).
   *
   * @throws dev.orchestrator.core.error.EnvironmentException as {@link #imageSizes}
   */
  default Map<String, PlatformImage> imageLayers(String imageRef) {
    return Map.of();
  }

  /** Whether the engine has an image by that reference. */
  boolean imageExists(String imageRef);

  /**
   * The value of one label of a local image (from its configuration, as {@code docker image
   * inspect} shows it), or empty when the image does not exist or has no such label.
   */
  Optional<String> imageLabel(String imageRef, String key);

  /** Removes the image reference; an image that does not exist is not an error. */
  void removeImage(String imageRef);

  /**
   * Creates (does not start) a container.
   *
   * @return its id
   * @throws IllegalStateException when the engine refuses, e.g. no such image or platform
   */
  String createContainer(ContainerSpec spec);

  /**
   * Starts a created container.
   *
   * @throws IllegalStateException when the engine refuses, e.g. a port already taken
   */
  void startContainer(String containerId);

  /**
   * The container's state and configuration.
   *
   * @throws IllegalStateException when the engine refuses
   */
  ContainerState inspectContainer(String containerId);

  /**
   * The last {@code lines} lines the container printed, standard output and error interleaved as
   * the engine stored them; empty when it printed nothing.
   *
   * @throws IllegalStateException when the engine refuses
   */
  String containerLogs(String containerId, int lines);

  /**
   * Removes a container, stopping it first if it runs; one that does not exist is not an error.
   *
   * @throws IllegalStateException when the engine refuses
   */
  void removeContainer(String containerId);

  /** False for the {@link OfflineEngine} of dry runs: nothing it says comes from an engine. */
  default boolean online() {
    return true;
  }

  @Override
  void close();
}
