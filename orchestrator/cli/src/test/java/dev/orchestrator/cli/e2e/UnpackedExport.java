package dev.orchestrator.cli.e2e;

import static dev.orchestrator.cli.e2e.Docker.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * The reference every size method is checked against: an image exported with {@code docker image
 * save} and every layer of one platform gunzipped and counted, with no shortcut (no trailer, no
 * cache). Independent of the tool's own size code on purpose.
 */
final class UnpackedExport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private UnpackedExport() {}

  /**
   * The uncompressed bytes of {@code ref}'s layers for {@code platform}, exported into {@code
   * work}.
   */
  static long uncompressedBytes(Path work, String ref, String platform) throws IOException {
    Path tar = work.resolve("export-" + System.nanoTime() + ".tar");
    docker("image", "save", "-o", tar.toString(), ref).assertSucceeded();
    try (TarFile file = new TarFile(tar)) {
      Map<String, TarArchiveEntry> entries = new HashMap<>();
      for (TarArchiveEntry e : file.getEntries()) {
        entries.put(e.getName().replaceFirst("^\\./", ""), e);
      }
      JsonNode manifest = findManifest(file, entries, read(file, entries, "index.json"), platform);
      if (manifest == null) {
        throw new AssertionError("no " + platform + " manifest in the export of " + ref);
      }
      long total = 0;
      for (JsonNode layer : manifest.path("layers")) {
        try (InputStream in =
            new GZIPInputStream(
                file.getInputStream(entries.get(blob(layer.path("digest").asText()))))) {
          total += in.transferTo(OutputStream.nullOutputStream());
        }
      }
      return total;
    } finally {
      Files.deleteIfExists(tar);
    }
  }

  private static JsonNode findManifest(
      TarFile file, Map<String, TarArchiveEntry> entries, JsonNode node, String platform)
      throws IOException {
    if (node.has("layers")) {
      return node;
    }
    for (JsonNode d : node.path("manifests")) {
      JsonNode p = d.path("platform");
      boolean attestation = "unknown".equals(p.path("architecture").asText());
      boolean matches =
          p.isMissingNode()
              || platform.equals(p.path("os").asText() + "/" + p.path("architecture").asText());
      if (!attestation && matches && entries.containsKey(blob(d.path("digest").asText()))) {
        JsonNode found =
            findManifest(
                file, entries, read(file, entries, blob(d.path("digest").asText())), platform);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String blob(String digest) {
    return "blobs/" + digest.replace(':', '/');
  }

  private static JsonNode read(TarFile file, Map<String, TarArchiveEntry> entries, String name)
      throws IOException {
    try (InputStream in = file.getInputStream(entries.get(name))) {
      return JSON.readTree(in);
    }
  }
}
