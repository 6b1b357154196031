package dev.orchestrator.core.build;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.image.Platforms;
import dev.orchestrator.core.state.StateFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to run one build: the resolved profile and platforms, concurrency and failure policy.
 *
 * @param failFast stop starting services after the first failure (running ones finish)
 * @param incremental how to skip services whose image is up to date; empty: always build
 */
public record BuildSettings(
    Path root,
    Profile profile,
    List<String> platforms,
    int jobs,
    boolean failFast,
    Optional<Incremental> incremental) {

  public BuildSettings(
      Path root, Profile profile, List<String> platforms, int jobs, boolean failFast) {
    this(root, profile, platforms, jobs, failFast, Optional.empty());
  }

  public BuildSettings {
    platforms = List.copyOf(platforms);
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
  }

  /** Orchestrator state under the repository: stamps, metadata files. Git-ignored. */
  public StateFolder state() {
    return new StateFolder(root);
  }

  /**
   * The platforms this service builds for: the requested ones, narrowed to those its descriptor
   * lists when it lists any (a service that only runs on amd64 is not built for arm64).
   */
  public List<String> platformsOf(dev.orchestrator.core.discovery.Service service) {
    return Platforms.supportedBy(service.descriptor().platforms(), platforms);
  }
}
