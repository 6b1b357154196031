package dev.orchestrator.core.image;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an OCI index entry is: the one place that tells a platform's image from an attestation
 * manifest, for every reader of indexes (a loaded image's layout, a pushed image's index).
 */
public final class OciDescriptors {
  private OciDescriptors() {}

  /**
   * An attestation manifest (provenance, SBOM), which BuildKit adds beside the platform images: by
   * its annotation, or by the {@code unknown/unknown} platform older BuildKit versions give it.
   */
  public static boolean isAttestation(JsonNode descriptor) {
    String type = descriptor.path("annotations").path("vnd.docker.reference.type").asText();
    JsonNode platform = descriptor.path("platform");
    return type.equals("attestation-manifest")
        || ("unknown".equals(platform.path("os").asText())
            && "unknown".equals(platform.path("architecture").asText()));
  }

  /** {@code os/arch[/variant]} from a descriptor's platform or an image config; null if absent. */
  public static String platform(JsonNode node) {
    String os = node.path("os").asText("");
    String arch = node.path("architecture").asText("");
    if (os.isEmpty() || arch.isEmpty()) {
      return null;
    }
    String variant = node.path("variant").asText("");
    return os + "/" + arch + (variant.isEmpty() ? "" : "/" + variant);
  }
}
