package dev.orchestrator.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A named build profile from {@code buildx-profiles/<name>.yaml}.
 *
 * @param platforms platforms to build; the word {@code host} stands for the engine's platform
 * @param output where images go: loaded into the local engine, or pushed to {@code registry}
 * @param registry the registry host and path images are pushed to (empty for local builds)
 * @param namespace the repository path before the service name ({@code monorepo} gives {@code
 *     monorepo/agent})
 * @param tag the tag given to built images
 * @param cache the shared build cache
 * @param jobs how many services build at once, unless {@code --jobs} says otherwise
 * @param builder the buildx builder to use (empty for the current one)
 */
public record Profile(
    String name,
    Path file,
    List<String> platforms,
    Output output,
    Optional<String> registry,
    String namespace,
    String tag,
    Cache cache,
    int jobs,
    Optional<String> builder) {

  public Profile {
    platforms = List.copyOf(platforms);
  }

  public enum Output {
    LOAD,
    PUSH
  }

  /**
   * The shared cache. {@code local}: a folder per service under {@code dir} (relative to the
   * repository root); {@code registry}: {@code ref/<service>:<arch>}; {@code none}.
   */
  public record Cache(Type type, String location, String mode) {
    public enum Type {
      NONE,
      LOCAL,
      REGISTRY
    }
  }
}
