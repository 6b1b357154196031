package dev.orchestrator.core.image;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a profile names images: {@code [registry/]namespace/service:tag}, or {@code
 * [registry/]path:tag} for a service whose build definition (compose {@code image:}, Skaffold's
 * {@code image}, bake's first tag) names it.
 *
 * @param registry such as {@code 127.0.0.1:5000}; empty for the local engine's names
 * @param namespace the path before the service name; may be empty
 * @param tag the tag of every image the build makes
 * @param paths service to the repository path its definition gives ({@code org/api}), used instead
 *     of {@code namespace/service}
 */
public record ImageNames(
    Optional<String> registry, String namespace, String tag, Map<String, String> paths) {

  public ImageNames {
    paths = Map.copyOf(paths);
  }

  public ImageNames(Optional<String> registry, String namespace, String tag) {
    this(registry, namespace, tag, Map.of());
  }

  public String repository(String service) {
    String path =
        paths.getOrDefault(service, namespace.isEmpty() ? service : namespace + "/" + service);
    return registry.map(r -> r + "/" + path).orElse(path);
  }

  /**
   * The repository path of an image name, without its registry, tag or digest: {@code
   * ghcr.io/org/api:1.0} gives {@code org/api}. The profile's registry goes in front of it, so that
   * a CI profile pushes to its own registry whatever registry a compose file names.
   */
  public static String pathOf(String image) {
    String name = image;
    int at = name.indexOf('@');
    if (at >= 0) {
      name = name.substring(0, at);
    }
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      name = name.substring(0, colon);
    }
    int slash = name.indexOf('/');
    if (slash > 0) {
      String first = name.substring(0, slash);
      // Docker's rule: a first component with a dot or a port, or localhost, is a registry.
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        name = name.substring(slash + 1);
      }
    }
    return name;
  }

  public String reference(String service) {
    return repository(service) + ":" + tag;
  }

  /** The main reference plus one per extra tag from the service descriptor. */
  public List<String> references(String service, List<String> extraTags) {
    return Stream.concat(
            Stream.of(reference(service)),
            extraTags.stream().map(t -> repository(service) + ":" + t))
        .distinct()
        .toList();
  }
}
