package dev.orchestrator.core.uptodate;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.registry.ImageReference;
import dev.orchestrator.core.registry.RegistryClient;

/**
 * Gives an image already in the registry another tag, registry-side: its manifest read by digest
 * and written back under the tag, byte for byte (so the digest is the same; no layer moves).
 */
public final class RegistryTagger {
  private final RegistryClient client;

  public RegistryTagger(RegistryClient client) {
    this.client = client;
  }

  /**
   * @param source {@code registry/name@sha256:…}
   * @param target {@code registry/name:tag}, in the same repository
   * @throws EnvironmentException when the image cannot be read or the tag not written
   */
  public void tag(String source, String target) {
    ImageReference from = parse(source);
    ImageReference to = parse(target);
    RegistryClient.Manifest manifest =
        client
            .manifest(from)
            .orElseThrow(
                () ->
                    new EnvironmentException(
                        "the registry has no " + source, "check that the push succeeded"));
    client.putManifest(to, manifest);
  }

  private static ImageReference parse(String text) {
    return ImageReference.parse(text)
        .orElseThrow(() -> new IllegalArgumentException("not a registry reference: " + text));
  }
}
