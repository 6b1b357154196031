package dev.orchestrator.core.image;

import dev.orchestrator.core.config.Profile;
import java.util.List;

/** How a profile names images: {@code [registry/]namespace/service:tag}. */
public record ImageNames(Profile profile) {

  public String repository(String service) {
    String path = profile.namespace().isEmpty() ? service : profile.namespace() + "/" + service;
    return profile.registry().map(r -> r + "/" + path).orElse(path);
  }

  public String reference(String service) {
    return repository(service) + ":" + profile.tag();
  }

  /** The main reference plus one per extra tag from the service descriptor. */
  public List<String> references(String service, List<String> extraTags) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(reference(service)),
            extraTags.stream().map(t -> repository(service) + ":" + t))
        .distinct()
        .toList();
  }
}
