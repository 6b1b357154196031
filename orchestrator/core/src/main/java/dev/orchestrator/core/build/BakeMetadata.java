package dev.orchestrator.core.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what {@code docker buildx bake --metadata-file} wrote: one object per target, holding that
 * target's {@code containerimage.digest} (the manifest pushed, for a one-platform push). bake
 * writes the file only when every target succeeded.
 */
final class BakeMetadata {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BakeMetadata() {}

  /**
   * @param targets service name to bake target name
   * @return service name to digest, for the targets that have one; empty when the file is missing
   *     or unreadable (a profile that needs digests then fails those services, naming the file)
   */
  static Map<String, String> digests(Path metadataFile, Map<String, String> targets) {
    Map<String, String> digests = new LinkedHashMap<>();
    JsonNode root;
    try {
      root = JSON.readTree(metadataFile.toFile());
    } catch (IOException e) {
      return digests;
    }
    targets.forEach(
        (service, target) -> {
          JsonNode d = root.path(target).path("containerimage.digest");
          if (d.isTextual() && d.asText().matches("sha256:[0-9a-f]{64}")) {
            digests.put(service, d.asText());
          }
        });
    return digests;
  }
}
