package dev.orchestrator.core.config;

import dev.orchestrator.core.image.ImageNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * @param builders a builder per platform, for jobs that build that one platform (a native arm64
 *     machine, say); it wins over {@code builder}
 * @param stagingTag with {@code push-by-digest} on a builder that cannot push untagged images
 *     (buildx's {@code docker} driver): the tag, holding {@code {arch}}, to push under instead; the
 *     digest is still what is recorded, consumed and merged
 * @param mergeTags templates of the tags {@code orchestrator merge} gives the multi-platform
 *     images, such as {@code {sha}} or {@code {version}} (see {@link TagTemplate})
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
    Optional<String> builder,
    Map<String, String> builders,
    Optional<String> stagingTag,
    List<String> mergeTags) {

  public Profile {
    platforms = List.copyOf(platforms);
    builders = Map.copyOf(builders);
    mergeTags = List.copyOf(mergeTags);
  }

  /** A profile without per-platform builders whose merge tags are just {@code tag}. */
  public Profile(
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
    this(
        name,
        file,
        platforms,
        output,
        registry,
        namespace,
        tag,
        cache,
        jobs,
        builder,
        Map.of(),
        Optional.empty(),
        List.of(tag));
  }

  /** The builder for one buildx invocation over {@code platforms}. */
  public Optional<String> builderFor(List<String> platforms) {
    if (platforms.size() == 1 && builders.containsKey(platforms.get(0))) {
      return Optional.of(builders.get(platforms.get(0)));
    }
    return builder;
  }

  /** True when images are pushed, with or without a tag. */
  public boolean pushes() {
    return output != Output.LOAD;
  }

  /**
   * {@code push-by-digest}: push each platform's image untagged, by digest, for {@code orchestrator
   * merge} to join into one multi-platform image (one platform per CI job).
   */
  public enum Output {
    LOAD,
    PUSH,
    PUSH_BY_DIGEST
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

  /** How this profile names images. */
  public ImageNames imageNames() {
    return new ImageNames(registry, namespace, tag);
  }
}
