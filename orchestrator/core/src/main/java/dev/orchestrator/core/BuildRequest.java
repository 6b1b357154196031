package dev.orchestrator.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything one build needs to know, as every front end gives it.
 *
 * @param profile the profile name; empty for the repository's default
 * @param platforms overrides the profile's platforms when not empty
 * @param services the services asked for (with their dependencies); empty for all
 * @param jobs overrides the profile's concurrency when positive
 * @param force build even services whose image is up to date (same input hash)
 * @param changedSince build only the services whose inputs changed since this git revision, and
 *     their dependents (with whatever they need)
 * @param digestsFile where a push-by-digest build writes its digests (default: {@code
 *     .cache/orchestrator/digests-<arch>.json})
 */
public record BuildRequest(
    Path root,
    Optional<String> profile,
    List<String> platforms,
    List<String> services,
    int jobs,
    boolean failFast,
    boolean dryRun,
    boolean force,
    Optional<String> changedSince,
    Optional<Path> digestsFile) {

  public BuildRequest {
    platforms = List.copyOf(platforms);
    services = List.copyOf(services);
  }

  /** A plain build: incremental, every service asked for, digests where the profile says. */
  public BuildRequest(
      Path root,
      Optional<String> profile,
      List<String> platforms,
      List<String> services,
      int jobs,
      boolean failFast,
      boolean dryRun) {
    this(
        root,
        profile,
        platforms,
        services,
        jobs,
        failFast,
        dryRun,
        false,
        Optional.empty(),
        Optional.empty());
  }
}
