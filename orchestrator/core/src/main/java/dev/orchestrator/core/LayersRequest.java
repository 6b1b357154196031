package dev.orchestrator.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Orchestrator#layers} reads.
 *
 * @param root the repository
 * @param profile the profile whose image is read (a loaded one from the engine, a pushed one from
 *     the registry), default {@code local}
 * @param service the service
 * @param platforms the platforms to show, {@code host} allowed; empty for every platform the image
 *     holds
 * @param digestsFile for a push-by-digest profile: where its build wrote the digests (default: the
 *     state folder's)
 */
public record LayersRequest(
    Path root,
    Optional<String> profile,
    String service,
    List<String> platforms,
    Optional<Path> digestsFile) {

  public LayersRequest {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(service, "service");
    platforms = List.copyOf(platforms);
  }
}
