package dev.orchestrator.core.image;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a profile names images: {@code [registry/]namespace/service:tag}.
 *
 * @param registry such as {@code 127.0.0.1:5000}; empty for the local engine's names
 * @param namespace the path before the service name; may be empty
 * @param tag the tag of every image the build makes
 */
public record ImageNames(Optional<String> registry, String namespace, String tag) {

  public String repository(String service) {
    String path = namespace.isEmpty() ? service : namespace + "/" + service;
    return registry.map(r -> r + "/" + path).orElse(path);
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
