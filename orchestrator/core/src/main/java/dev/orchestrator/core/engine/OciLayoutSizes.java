package dev.orchestrator.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.core.size.ImageSizes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-platform sizes of the image in an OCI layout tar, as {@code docker save} writes it under the
 * containerd image store. Walks {@code index.json} through nested image indexes to each platform
 * manifest, leaving out attestation manifests. Compressed size is the sum of the layer descriptors'
 * sizes; uncompressed size is the byte count of each layer unpacked, streamed.
 */
final class OciLayoutSizes {
  private static final Logger LOG = LoggerFactory.getLogger(OciLayoutSizes.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_JSON_BYTES = 4 << 20;

  private final TarReader tar;
  private final Map<String, ImageSizes> sizes = new TreeMap<>();
  private final Map<String, Long> unpackedByDigest = new HashMap<>();

  private OciLayoutSizes(TarReader tar) {
    this.tar = tar;
  }

  /** Sizes by platform in name order; platforms whose content is not in the tar are left out. */
  static Map<String, ImageSizes> read(Path layoutTar) throws IOException {
    try (TarReader tar = new TarReader(layoutTar)) {
      OciLayoutSizes reader = new OciLayoutSizes(tar);
      JsonNode index = reader.json("index.json");
      for (JsonNode descriptor : index.path("manifests")) {
        reader.visit(descriptor);
      }
      return Collections.unmodifiableMap(reader.sizes);
    }
  }

  private void visit(JsonNode descriptor) throws IOException {
    String mediaType = descriptor.path("mediaType").asText();
    String blob = blobPath(descriptor);
    if (isAttestation(descriptor)) {
      return;
    }
    if (!tar.contains(blob)) {
      LOG.debug("{} is not in the export, left out", blob);
      return;
    }
    if (mediaType.endsWith("image.index.v1+json") || mediaType.endsWith("manifest.list.v2+json")) {
      for (JsonNode child : json(blob).path("manifests")) {
        visit(child);
      }
    } else {
      measure(descriptor, json(blob));
    }
  }

  private void measure(JsonNode descriptor, JsonNode manifest) throws IOException {
    String platform = platform(descriptor.path("platform"));
    if (platform == null) { // a single-platform image: the platform is in the config
      JsonNode config = manifest.path("config");
      if (!tar.contains(blobPath(config))) {
        LOG.debug("config of {} is not in the export, left out", descriptor.path("digest"));
        return;
      }
      platform = platform(json(blobPath(config)));
      if (platform == null) {
        LOG.debug("no platform for {}, left out", descriptor.path("digest"));
        return;
      }
    }
    long compressed = 0;
    long unpacked = 0;
    for (JsonNode layer : manifest.path("layers")) {
      String blob = blobPath(layer);
      if (!tar.contains(blob)) {
        LOG.debug("layer {} of {} is not in the export, platform left out", blob, platform);
        return;
      }
      compressed += layer.path("size").asLong();
      unpacked += unpackedSize(blob, layer.path("mediaType").asText());
    }
    sizes.putIfAbsent(platform, new ImageSizes(platform, compressed, unpacked));
  }

  private long unpackedSize(String blob, String mediaType) throws IOException {
    Long known = unpackedByDigest.get(blob);
    if (known != null) {
      return known;
    }
    long count;
    if (mediaType.endsWith("gzip")) {
      try (InputStream in = new GZIPInputStream(tar.open(blob), 1 << 16)) {
        count = count(in);
      }
    } else if (mediaType.endsWith("zstd")) {
      // No zstd decoder on the classpath; the stored size is the best figure available.
      LOG.warn("layer {} is zstd-compressed; its uncompressed size is given as compressed", blob);
      count = tar.entries().get(blob).size();
    } else {
      count = tar.entries().get(blob).size();
    }
    unpackedByDigest.put(blob, count);
    return count;
  }

  private static long count(InputStream in) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
    }
    return total;
  }

  private static boolean isAttestation(JsonNode descriptor) {
    String type = descriptor.path("annotations").path("vnd.docker.reference.type").asText();
    JsonNode platform = descriptor.path("platform");
    return type.equals("attestation-manifest")
        || ("unknown".equals(platform.path("os").asText())
            && "unknown".equals(platform.path("architecture").asText()));
  }

  /** {@code os/arch[/variant]} from a descriptor's platform or an image config; null if absent. */
  private static String platform(JsonNode node) {
    String os = node.path("os").asText("");
    String arch = node.path("architecture").asText("");
    if (os.isEmpty() || arch.isEmpty()) {
      return null;
    }
    String variant = node.path("variant").asText("");
    return os + "/" + arch + (variant.isEmpty() ? "" : "/" + variant);
  }

  private static String blobPath(JsonNode descriptor) {
    return "blobs/" + descriptor.path("digest").asText().replaceFirst(":", "/");
  }

  private JsonNode json(String name) throws IOException {
    if (!tar.contains(name)) {
      throw new IOException("not an OCI layout: no " + name);
    }
    if (tar.entries().get(name).size() > MAX_JSON_BYTES) {
      throw new IOException(name + " is too large for a manifest or index");
    }
    try (InputStream in = tar.open(name)) {
      return JSON.readTree(in);
    }
  }
}
