package dev.orchestrator.core.reproduce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an OCI layout folder as BuildKit's oci exporter does: index.json, an image index, one
 * manifest per platform (gzip layers), and optionally an attestation manifest.
 */
final class TestLayout {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final ArrayNode manifests = JSON.createArrayNode();

  TestLayout(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir.resolve("blobs/sha256"));
  }

  /**
   * @param history created_by per history entry; an entry starting with {@code "(empty) "} is an
   *     {@code empty_layer} entry
   */
  TestLayout platform(String arch, List<byte[]> layers, List<String> history, String created)
      throws IOException {
    ObjectNode config = JSON.createObjectNode();
    config.put("architecture", arch).put("os", "linux").put("created", created);
    config.putObject("config").putArray("Env").add("PATH=/bin");
    ArrayNode h = config.putArray("history");
    for (String entry : history) {
      ObjectNode e = h.addObject();
      e.put("created", created);
      if (entry.startsWith("(empty) ")) {
        e.put("created_by", entry.substring(8)).put("empty_layer", true);
      } else {
        e.put("created_by", entry);
      }
    }
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("schemaVersion", 2).put("mediaType", "application/vnd.oci.image.manifest.v1+json");
    manifest.set("config", descriptor("application/vnd.oci.image.config.v1+json", json(config)));
    ArrayNode ls = manifest.putArray("layers");
    List<String> diffIds = new ArrayList<>();
    for (byte[] layer : layers) {
      ls.add(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", gzip(layer)));
      diffIds.add("sha256:" + sha256(layer));
    }
    ObjectNode d = descriptor("application/vnd.oci.image.manifest.v1+json", json(manifest));
    d.putObject("platform").put("architecture", arch).put("os", "linux");
    manifests.add(d);
    return this;
  }

  /** An attestation manifest, as buildx adds with provenance: platform unknown/unknown. */
  TestLayout attestation(String content) throws IOException {
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("schemaVersion", 2);
    manifest.set(
        "config",
        descriptor("application/vnd.oci.image.config.v1+json", json(JSON.createObjectNode())));
    manifest.putArray("layers").add(descriptor("application/vnd.in-toto+json", content.getBytes()));
    ObjectNode d = descriptor("application/vnd.oci.image.manifest.v1+json", json(manifest));
    d.putObject("platform").put("architecture", "unknown").put("os", "unknown");
    manifests.add(d);
    return this;
  }

  Path write() throws IOException {
    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2).put("mediaType", "application/vnd.oci.image.index.v1+json");
    index.set("manifests", manifests);
    ObjectNode top = JSON.createObjectNode();
    top.put("schemaVersion", 2);
    top.putArray("manifests")
        .add(descriptor("application/vnd.oci.image.index.v1+json", json(index)));
    Files.write(dir.resolve("index.json"), json(top));
    return dir;
  }

  private ObjectNode descriptor(String mediaType, byte[] blob) throws IOException {
    String digest = sha256(blob);
    Files.write(dir.resolve("blobs/sha256").resolve(digest), blob);
    ObjectNode d = JSON.createObjectNode();
    d.put("mediaType", mediaType).put("digest", "sha256:" + digest).put("size", blob.length);
    return d;
  }

  private static byte[] json(Object node) throws IOException {
    return JSON.writeValueAsBytes(node);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
