package dev.orchestrator.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.image.OciDescriptors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The platform manifest behind a one-platform push. With attestations on, buildx pushes an index of
 * two entries, the platform's manifest and its attestation manifest (platform unknown/unknown), and
 * reports the index's digest. Digests files, hash tags and {@code merge} must name the platform
 * manifest: {@code imagetools create} given an index copies its attestation manifests along, and
 * the per-platform digest would differ from the platform manifest's.
 */
public final class PlatformManifests {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlatformManifests() {}

  /**
   * @param repository {@code registry[:port]/path/name}
   * @param digest what buildx reported for the push
   * @return the digest of the index's only platform manifest; {@code digest} itself when it names a
   *     manifest (or the registry does not have it)
   * @throws EnvironmentException when the registry cannot be read, or the index holds other than
   *     one platform manifest
   */
  public static String of(RegistryClient client, String repository, String digest) {
    ImageReference ref =
        ImageReference.parse(repository + "@" + digest)
            .orElseThrow(
                () -> new IllegalArgumentException("not a registry reference: " + repository));
    Optional<RegistryClient.Manifest> manifest = client.manifest(ref);
    if (manifest.isEmpty()) {
      return digest;
    }
    JsonNode index;
    try {
      index = JSON.readTree(manifest.get().body());
    } catch (IOException e) {
      throw new EnvironmentException(
          ref + " is not JSON: " + e.getMessage(), "check what the registry stores there");
    }
    if (!index.has("manifests")) {
      return digest;
    }
    List<String> platforms = new ArrayList<>();
    for (JsonNode child : index.path("manifests")) {
      if (!OciDescriptors.isAttestation(child)) {
        platforms.add(child.path("digest").asText());
      }
    }
    if (platforms.size() != 1) {
      throw new EnvironmentException(
          ref + " holds " + platforms.size() + " platform manifests, expected one",
          "push one platform per image in this profile");
    }
    return platforms.get(0);
  }
}
