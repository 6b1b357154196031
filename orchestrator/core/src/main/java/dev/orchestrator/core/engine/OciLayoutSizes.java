package dev.orchestrator.core.engine;

import static dev.orchestrator.core.image.OciDescriptors.isAttestation;
import static dev.orchestrator.core.image.OciDescriptors.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.core.layers.HistoryEntry;
import dev.orchestrator.core.layers.LayerBlob;
import dev.orchestrator.core.layers.PlatformImage;
import dev.orchestrator.core.size.GzipTrailer;
import dev.orchestrator.core.size.ImageSizes;
import dev.orchestrator.core.size.LayerCompression;
import dev.orchestrator.core.size.LayerSizes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-platform layers and sizes of the image in an OCI layout tar, as {@code docker save} writes it
 * under the containerd image store. Walks {@code index.json} through nested image indexes to each
 * platform manifest, leaving out attestation manifests. Compressed size is the sum of the layer
 * descriptors' sizes; uncompressed size comes from {@link LayerSizes} when that layer was measured
 * before (a shared base layer is measured once), else from the gzip ISIZE trailer where it proves
 * the size ({@link GzipTrailer}), else from the byte count of the layer unpacked, streamed (also
 * the only method when {@code layers} is null: today's reference). The tar is read once for its
 * table of entries and then each entry is opened where it lies, in any order: {@code docker save}
 * writes {@code index.json} after the blobs.
 */
final class OciLayoutSizes {
  private static final Logger LOG = LoggerFactory.getLogger(OciLayoutSizes.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_JSON_BYTES = 4 << 20;

  private final TarFile tar;
  private final Path file;
  private final LayerSizes layers;

  /** Regular files by name, with any leading {@code ./} removed. */
  private final Map<String, TarArchiveEntry> files = new HashMap<>();

  private final Map<String, PlatformImage> images = new TreeMap<>();
  private final Map<String, Long> unpackedByDigest = new HashMap<>();

  private OciLayoutSizes(TarFile tar, Path file, LayerSizes layers) {
    this.tar = tar;
    this.file = file;
    this.layers = layers;
    for (TarArchiveEntry entry : tar.getEntries()) {
      // Not isFile(): that also holds for symbolic and hard links, which have no content here.
      byte type = entry.getLinkFlag();
      if (type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM) {
        String name = entry.getName();
        files.put(name.startsWith("./") ? name.substring(2) : name, entry);
      }
    }
  }

  /**
   * Each platform's layers (with sizes) and history, by platform in name order; platforms whose
   * content is not in the tar are left out.
   */
  static Map<String, PlatformImage> read(Path layoutTar, LayerSizes layers) throws IOException {
    try (TarFile tar = new TarFile(layoutTar)) {
      OciLayoutSizes reader = new OciLayoutSizes(tar, layoutTar, layers);
      JsonNode index = reader.json("index.json");
      for (JsonNode descriptor : index.path("manifests")) {
        reader.visit(descriptor);
      }
      return Collections.unmodifiableMap(reader.images);
    }
  }

  /** {@link #read}'s sizes alone: the sums of each platform's layers. */
  static Map<String, ImageSizes> sizes(Path layoutTar, LayerSizes layers) throws IOException {
    Map<String, ImageSizes> sizes = new TreeMap<>();
    read(layoutTar, layers).forEach((platform, image) -> sizes.put(platform, image.sizes()));
    return Collections.unmodifiableMap(sizes);
  }

  private void visit(JsonNode descriptor) throws IOException {
    String mediaType = descriptor.path("mediaType").asText();
    String blob = blobPath(descriptor);
    if (isAttestation(descriptor)) {
      return;
    }
    if (!files.containsKey(blob)) {
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
    JsonNode configDescriptor = manifest.path("config");
    if (!files.containsKey(blobPath(configDescriptor))) {
      LOG.debug("config of {} is not in the export, left out", descriptor.path("digest"));
      return;
    }
    JsonNode config = json(blobPath(configDescriptor));
    String platform = platform(descriptor.path("platform"));
    if (platform == null) { // a single-platform image: the platform is in the config
      platform = platform(config);
      if (platform == null) {
        LOG.debug("no platform for {}, left out", descriptor.path("digest"));
        return;
      }
    }
    List<LayerBlob> blobs = new ArrayList<>();
    for (JsonNode layer : manifest.path("layers")) {
      String blob = blobPath(layer);
      if (!files.containsKey(blob)) {
        LOG.debug("layer {} of {} is not in the export, platform left out", blob, platform);
        return;
      }
      OptionalLong size =
          unpackedSize(blob, layer.path("digest").asText(), layer.path("mediaType").asText());
      if (size.isEmpty()) {
        return; // not measured: never a guess
      }
      blobs.add(
          new LayerBlob(
              layer.path("digest").asText(),
              layer.path("mediaType").asText(),
              layer.path("size").asLong(),
              size.getAsLong()));
    }
    images.putIfAbsent(
        platform,
        new PlatformImage(
            platform, descriptor.path("digest").asText(), blobs, HistoryEntry.of(config)));
  }

  private OptionalLong unpackedSize(String blob, String digest, String mediaType)
      throws IOException {
    Long known = unpackedByDigest.get(blob);
    if (known != null) {
      return OptionalLong.of(known);
    }
    OptionalLong cached = layers == null ? OptionalLong.empty() : layers.uncompressed(digest);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<LayerCompression> compression = LayerCompression.of(mediaType);
    if (compression.isEmpty()) {
      LOG.debug("layer {} has media type {}: not measured", blob, mediaType);
      return OptionalLong.empty();
    }
    OptionalLong trailer =
        layers != null && compression.get() == LayerCompression.GZIP
            ? GzipTrailer.uncompressedSize(files.get(blob).getSize(), lastBytes(blob, 4))
            : OptionalLong.empty();
    long count;
    if (trailer.isPresent()) {
      count = trailer.getAsLong();
    } else if (compression.get() == LayerCompression.NONE) {
      count = files.get(blob).getSize();
    } else {
      count = compression.get().uncompressedSize(open(blob));
    }
    unpackedByDigest.put(blob, count);
    if (layers != null) {
      layers.record(digest, count);
    }
    return OptionalLong.of(count);
  }

  /** The entry's last bytes, read where they lie in the tar: nothing before them is read. */
  private byte[] lastBytes(String name, int n) throws IOException {
    TarArchiveEntry entry = files.get(name);
    if (entry.getSize() < n) {
      return new byte[0];
    }
    ByteBuffer buffer = ByteBuffer.allocate(n);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long at = entry.getDataOffset() + entry.getSize() - n;
      while (buffer.hasRemaining() && channel.read(buffer, at + buffer.position()) >= 0) {
        // read until full
      }
    }
    return buffer.array();
  }

  private static String blobPath(JsonNode descriptor) {
    return "blobs/" + descriptor.path("digest").asText().replaceFirst(":", "/");
  }

  private JsonNode json(String name) throws IOException {
    if (!files.containsKey(name)) {
      throw new IOException("not an OCI layout: no " + name);
    }
    if (files.get(name).getSize() > MAX_JSON_BYTES) {
      throw new IOException(name + " is too large for a manifest or index");
    }
    try (InputStream in = open(name)) {
      return JSON.readTree(in);
    }
  }

  /** The entry's content, streamed from where it lies in the file. */
  private InputStream open(String name) throws IOException {
    return tar.getInputStream(files.get(name));
  }
}
