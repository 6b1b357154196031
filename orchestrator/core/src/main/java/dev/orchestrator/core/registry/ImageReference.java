package dev.orchestrator.core.registry;

import java.util.Optional;

/**
 * A reference the registry client can speak to: {@code registry[:port]/path/name} followed by
 * {@code :tag} or {@code @sha256:…}. The first part must name a registry (a dot, a colon or {@code
 * localhost}); the orchestrator always writes references that way.
 *
 * @param reference the tag or the digest
 */
public record ImageReference(String registry, String name, String reference) {

  public static Optional<ImageReference> parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String registry = text.substring(0, slash);
    String rest = text.substring(slash + 1);
    int at = rest.indexOf('@');
    int colon = rest.lastIndexOf(':');
    String name;
    String reference;
    if (at >= 0) {
      name = rest.substring(0, at);
      reference = rest.substring(at + 1);
    } else if (colon > rest.lastIndexOf('/')) {
      name = rest.substring(0, colon);
      reference = rest.substring(colon + 1);
    } else {
      return Optional.empty();
    }
    if (registry.isEmpty() || name.isEmpty() || reference.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ImageReference(registry, name, reference));
  }

  /** The same repository, another tag or digest. */
  public ImageReference with(String otherReference) {
    return new ImageReference(registry, name, otherReference);
  }

  /**
   * {@code localhost} and 127.0.0.1 are spoken to over plain HTTP, as Docker does by default; every
   * other registry over HTTPS.
   */
  String base() {
    String scheme =
        registry.startsWith("localhost") || registry.startsWith("127.0.0.1") ? "http" : "https";
    return scheme + "://" + registry + "/v2/" + name;
  }

  @Override
  public String toString() {
    return registry + "/" + name + (reference.startsWith("sha256:") ? "@" : ":") + reference;
  }
}
