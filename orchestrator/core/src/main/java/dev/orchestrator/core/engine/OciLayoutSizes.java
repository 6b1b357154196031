package dev.orchestrator.core.engine;

import static dev.orchestrator.core.image.OciDescriptors.isAttestation;
import static dev.orchestrator.core.image.OciDescriptors.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestrator.core.layers.HistoryEntry;
import dev.orchestrator.core.layers.LayerBlob;
import dev.orchestrator.core.layers.PlatformImage;
import dev.orchestrator.core.size.GzipTrailer;
import dev.orchestrator.core.size.ImageSizes;
import dev.orchestrator.core.size.LayerCompression;
import dev.orchestrator.core.size.LayerSizes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-platform layers and sizes of an image, read from its OCI blobs: those of an OCI layout tar,
 * as {@code docker save} writes it under the containerd image store ({@link #read}), or those of a
 * containerd content store on this machine ({@link #readStored}). Walks the index through nested
 * image indexes to each platform manifest, leaving out attestation manifests. Compressed size is
 * the sum of the layer descriptors' sizes; uncompressed size comes from {@link LayerSizes} when
 * that layer was measured before (a shared base layer is measured once), else from the gzip ISIZE
 * trailer where it proves the size ({@link GzipTrailer}), else from the byte count of the layer
 * unpacked, streamed (also the only method when {@code layers} is null: today's reference).
 */
final class OciLayoutSizes {
  private static final Logger LOG = LoggerFactory.getLogger(OciLayoutSizes.class);
  private static final int MAX_JSON_BYTES = 4 << 20;

  private final BlobSource source;
  private final LayerSizes layers;
  private final Map<String, PlatformImage> images = new TreeMap<>();
  private final Map<String, Long> unpackedByDigest = new HashMap<>();

  /** Some content the walk needed was not there (a platform was left out). */
  private boolean incomplete;

  private OciLayoutSizes(BlobSource source, LayerSizes layers) {
    this.source = source;
    this.layers = layers;
  }

  /**
   * Each platform's layers (with sizes) and history, by platform in name order, from an OCI layout
   * tar; platforms whose content is not in the tar are left out.
   */
  static Map<String, PlatformImage> read(Path layoutTar, LayerSizes layers) throws IOException {
    try (LayoutTarBlobs tar = new LayoutTarBlobs(layoutTar)) {
      OciLayoutSizes reader = new OciLayoutSizes(tar, layers);
      JsonNode index = reader.json("index.json");
      for (JsonNode descriptor : index.path("manifests")) {
        reader.visit(descriptor);
      }
      return Collections.unmodifiableMap(reader.images);
    }
  }

  /**
   * {@link #read}'s answer for the image whose index or manifest has this digest, from a containerd
   * content store's folder ({@link ContentStoreBlobs}); empty when any blob the walk needs is not
   * there, so that the caller measures another way rather than leave a platform out.
   */
  static Optional<Map<String, PlatformImage>> readStored(
      Path contentStore, String digest, LayerSizes layers) throws IOException {
    ContentStoreBlobs store = new ContentStoreBlobs(contentStore);
    Optional<String> top = BlobSource.path(digest);
    if (top.isEmpty() || store.size(top.get()) < 0) {
      return Optional.empty();
    }
    OciLayoutSizes reader = new OciLayoutSizes(store, layers);
    JsonNode root = reader.json(top.get());
    ObjectNode descriptor = JsonNodeFactory.instance.objectNode();
    descriptor.put("mediaType", mediaTypeOf(root));
    descriptor.put("digest", digest);
    reader.visit(descriptor);
    return reader.incomplete || reader.images.isEmpty()
        ? Optional.empty()
        : Optional.of(Collections.unmodifiableMap(reader.images));
  }

  /** The media type a manifest or index names itself by; by its fields where it does not. */
  private static String mediaTypeOf(JsonNode root) {
    String named = root.path("mediaType").asText("");
    if (!named.isEmpty()) {
      return named;
    }
    return root.has("manifests")
        ? "application/vnd.oci.image.index.v1+json"
        : "application/vnd.oci.image.manifest.v1+json";
  }

  /** {@link #read}'s sizes alone: the sums of each platform's layers. */
  static Map<String, ImageSizes> sizes(Path layoutTar, LayerSizes layers) throws IOException {
    Map<String, ImageSizes> sizes = new TreeMap<>();
    read(layoutTar, layers).forEach((platform, image) -> sizes.put(platform, image.sizes()));
    return Collections.unmodifiableMap(sizes);
  }

  private void visit(JsonNode descriptor) throws IOException {
    String mediaType = descriptor.path("mediaType").asText();
    if (isAttestation(descriptor)) {
      return;
    }
    Optional<String> blob = blobPath(descriptor);
    if (blob.isEmpty() || source.size(blob.get()) < 0) {
      LOG.debug("{} is not in the blobs, left out", descriptor.path("digest"));
      incomplete = true;
      return;
    }
    if (mediaType.endsWith("image.index.v1+json") || mediaType.endsWith("manifest.list.v2+json")) {
      for (JsonNode child : json(blob.get()).path("manifests")) {
        visit(child);
      }
    } else {
      measure(descriptor, json(blob.get()));
    }
  }

  private void measure(JsonNode descriptor, JsonNode manifest) throws IOException {
    JsonNode configDescriptor = manifest.path("config");
    Optional<String> configBlob = blobPath(configDescriptor);
    if (configBlob.isEmpty() || source.size(configBlob.get()) < 0) {
      LOG.debug("config of {} is not in the blobs, left out", descriptor.path("digest"));
      incomplete = true;
      return;
    }
    JsonNode config = json(configBlob.get());
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
      Optional<String> blob = blobPath(layer);
      long stored = blob.isEmpty() ? -1 : source.size(blob.get());
      if (stored < 0 || stored != layer.path("size").asLong(-1)) {
        LOG.debug("layer {} of {} is not in the blobs, platform left out", layer, platform);
        incomplete = true;
        return;
      }
      OptionalLong size =
          unpackedSize(
              blob.get(), stored, layer.path("digest").asText(), layer.path("mediaType").asText());
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

  /**
   * @param stored the blob's size, as its source holds it (checked equal to its descriptor's)
   */
  private OptionalLong unpackedSize(String blob, long stored, String digest, String mediaType)
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
            ? GzipTrailer.uncompressedSize(stored, source.lastBytes(blob, 4))
            : OptionalLong.empty();
    long count;
    if (trailer.isPresent()) {
      count = trailer.getAsLong();
    } else if (compression.get() == LayerCompression.NONE) {
      count = stored;
    } else {
      try (InputStream in = source.open(blob)) {
        count = compression.get().uncompressedSize(in);
      }
    }
    unpackedByDigest.put(blob, count);
    if (layers != null) {
      layers.record(digest, count);
    }
    return OptionalLong.of(count);
  }

  /** {@code blobs/<algorithm>/<hex>}; empty for a digest that is not of that form. */
  private static Optional<String> blobPath(JsonNode descriptor) {
    return BlobSource.path(descriptor.path("digest").asText());
  }

  private JsonNode json(String name) throws IOException {
    long size = source.size(name);
    if (size < 0) {
      throw new IOException("not an OCI layout: no " + name);
    }
    if (size > MAX_JSON_BYTES) {
      throw new IOException(name + " is too large for a manifest or index");
    }
    return JsonTrees.read(source.readAll(name));
  }
}
