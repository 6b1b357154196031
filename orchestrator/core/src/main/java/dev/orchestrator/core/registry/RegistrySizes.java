package dev.orchestrator.core.registry;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Per-platform sizes of a pushed image, read from the registry without pulling it. Compressed: the
 * sum of the manifest's layer descriptor sizes, exact. Uncompressed: each gzip layer's ISIZE
 * trailer, from a range request for its last four bytes ({@link GzipTrailer}); a layer whose
 * trailer cannot prove its size, and each zstd layer (BuildKit writes no frame content size), is
 * decoded once, streamed ({@link LayerCompression}). Layers already in {@link LayerSizes} are not
 * read at all. Attestation manifests are left out. A platform with a layer of an unknown
 * compression is left out: not measured.
 */
public final class RegistrySizes {
  /**
   * Made when a registry's image is first measured: every build makes this class's measurer (the
   * up-to-date check holds one), and {@code ObjectMapper}'s class initialisation took about 16 ms.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final RegistryClient client;
  private final LayerSizes layers;

  public RegistrySizes(RegistryClient client, LayerSizes layers) {
    this.client = client;
    this.layers = layers;
  }

  /**
   * @param reference a tag or digest reference to an image manifest or an index
   * @return sizes by platform in name order; empty when the registry has no such image
   * @throws dev.orchestrator.core.error.EnvironmentException when the registry cannot be read
   */
  public Map<String, ImageSizes> sizes(String reference) {
    Map<String, ImageSizes> sizes = new TreeMap<>();
    images(reference).forEach((platform, image) -> sizes.put(platform, image.sizes()));
    return sizes;
  }

  /**
   * Each platform of a pushed image: its manifest digest, its layers with their sizes (measured as
   * for {@link #sizes}) and its configuration's history.
   *
   * @param reference a tag or digest reference to an image manifest or an index
   * @return by platform in name order; empty when the registry has no such image
   * @throws dev.orchestrator.core.error.EnvironmentException when the registry cannot be read
   */
  public Map<String, PlatformImage> images(String reference) {
    ImageReference ref =
        ImageReference.parse(reference)
            .orElseThrow(
                () -> new IllegalArgumentException("not a registry reference: " + reference));
    Map<String, PlatformImage> images = new TreeMap<>();
    client.manifest(ref).ifPresent(m -> visit(ref, m, Optional.empty(), images));
    return images;
  }

  private void visit(
      ImageReference ref,
      RegistryClient.Manifest answer,
      Optional<String> platform,
      Map<String, PlatformImage> out) {
    JsonNode manifest = json(answer);
    if (manifest.has("manifests")) {
      for (JsonNode child : manifest.path("manifests")) {
        if (isAttestation(child)) {
          continue;
        }
        String digest = child.path("digest").asText();
        Optional<String> childPlatform = Optional.ofNullable(platform(child.path("platform")));
        client.manifest(ref.with(digest)).ifPresent(m -> visit(ref, m, childPlatform, out));
      }
      return;
    }
    JsonNode config = config(ref, manifest);
    String name = platform.orElseGet(() -> platform(config));
    if (name == null) {
      return;
    }
    List<LayerBlob> blobs = new ArrayList<>();
    for (JsonNode layer : manifest.path("layers")) {
      long size = layer.path("size").asLong();
      OptionalLong unpacked = unpacked(ref, layer, size);
      if (unpacked.isEmpty()) {
        return; // not measured
      }
      blobs.add(
          new LayerBlob(
              layer.path("digest").asText(),
              layer.path("mediaType").asText(),
              size,
              unpacked.getAsLong()));
    }
    out.putIfAbsent(name, new PlatformImage(name, answer.digest(), blobs, HistoryEntry.of(config)));
  }

  /** The image configuration; an empty one when it cannot be read (no platform, no history). */
  private JsonNode config(ImageReference ref, JsonNode manifest) {
    String configDigest = manifest.path("config").path("digest").asText();
    try (InputStream in = client.blob(ref, configDigest)) {
      return Json.MAPPER.readTree(in.readNBytes(4 << 20));
    } catch (IOException e) {
      return Json.MAPPER.createObjectNode();
    }
  }

  private OptionalLong unpacked(ImageReference ref, JsonNode layer, long size) {
    String digest = layer.path("digest").asText();
    OptionalLong known = layers.uncompressed(digest);
    if (known.isPresent()) {
      return known;
    }
    Optional<LayerCompression> compression = LayerCompression.of(layer.path("mediaType").asText());
    if (compression.isEmpty()) {
      return OptionalLong.empty();
    }
    OptionalLong fromTrailer =
        compression.get() == LayerCompression.GZIP && size >= 4
            ? GzipTrailer.uncompressedSize(size, client.blobTail(ref, digest, size - 4, size))
            : OptionalLong.empty();
    long value;
    if (fromTrailer.isPresent()) {
      value = fromTrailer.getAsLong();
    } else if (compression.get() == LayerCompression.NONE) {
      value = size;
    } else {
      value = decoded(ref, digest, compression.get());
    }
    layers.record(digest, value);
    return OptionalLong.of(value);
  }

  private long decoded(ImageReference ref, String digest, LayerCompression compression) {
    try (InputStream in = client.blob(ref, digest)) {
      return compression.uncompressedSize(in);
    } catch (IOException e) {
      throw new dev.orchestrator.core.error.EnvironmentException(
          "cannot read layer "
              + digest
              + " of "
              + ref.registry()
              + "/"
              + ref.name()
              + ": "
              + e.getMessage(),
          "check that the registry answers");
    }
  }

  private static JsonNode json(RegistryClient.Manifest m) {
    try {
      return Json.MAPPER.readTree(m.body());
    } catch (IOException e) {
      return Json.MAPPER.createObjectNode();
    }
  }
}
