package dev.orchestrator.core.verify;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What verify needs to know of the graph: which services others build FROM (without a command of
 * their own they are bases), and the image each service's final stage builds FROM, whose labels it
 * inherits rather than sets.
 *
 * @param builtFrom services other services' Dockerfiles name in FROM
 * @param baseImages service name to the reference of its final stage's base image (none for
 *     scratch)
 */
public record Lineage(Set<String> builtFrom, Map<String, String> baseImages) {
  public static final Lineage NONE = new Lineage(Set.of(), Map.of());

  public Lineage {
    builtFrom = Set.copyOf(builtFrom);
    baseImages = Map.copyOf(baseImages);
  }

  Optional<String> baseImageOf(String service) {
    return Optional.ofNullable(baseImages.get(service));
  }
}
