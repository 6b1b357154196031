package dev.orchestrator.core.build;

import dev.orchestrator.core.hash.BuildIndex;
import dev.orchestrator.core.hash.InputHashes;
import dev.orchestrator.core.registry.RegistryClient;

/**
 * How a build skips what is already built: every service's input hashes, the local index of built
 * images, and where to look for an image with the same hash.
 *
 * @param force build even when an image with the same input hash exists
 */
public record Incremental(
    InputHashes hashes, BuildIndex index, RegistryClient registry, boolean force)
    implements AutoCloseable {

  /**
   * Keeps what was learned about files and images for the next run, and stops the hashing threads.
   */
  @Override
  public void close() {
    index.save();
    hashes.save();
    hashes.close();
  }
}
