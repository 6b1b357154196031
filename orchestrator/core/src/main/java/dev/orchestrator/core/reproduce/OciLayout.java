package dev.orchestrator.core.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.core.layers.HistoryEntry;
import dev.orchestrator.core.size.LayerCompression;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An OCI image layout folder, as {@code --output type=oci,tar=false,dest=DIR} writes it: {@code
 * index.json}, then image indexes down to one manifest per platform. Attestation manifests
 * (platform {@code unknown/unknown}) are left out: they differ between builds by design.
 */
public final class OciLayout {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Map<String, PlatformImage> images = new TreeMap<>();

  private OciLayout(Path dir) {
    this.dir = dir;
  }

  /** One platform's image: its manifest digest, its layers and the config's history. */
  public record PlatformImage(
      String platform, String digest, List<Layer> layers, JsonNode config, List<String> history) {
    public PlatformImage {
      layers = List.copyOf(layers);
      history = List.copyOf(history);
    }
  }

  /** A layer descriptor. */
  public record Layer(String digest, String mediaType, long size) {}

  /** Reads the layout's index and manifests; layers are read only when asked for. */
  public static OciLayout read(Path dir) throws IOException {
    OciLayout layout = new OciLayout(dir);
    for (JsonNode descriptor : layout.json("index.json").path("manifests")) {
      layout.visit(descriptor, Optional.empty());
    }
    return layout;
  }

  /** Images by platform ({@code linux/arm64}, with a variant where the index gives one). */
  public Map<String, PlatformImage> images() {
    return Collections.unmodifiableMap(images);
  }

  /** The entries of one layer, decompressed. */
  public Map<String, FileEntry> entries(Layer layer) throws IOException {
    LayerCompression compression =
        LayerCompression.of(layer.mediaType())
            .orElseThrow(
                () -> new IOException("layer media type " + layer.mediaType() + " is not a tar"));
    try (InputStream in = compression.decoded(Files.newInputStream(blob(layer.digest())))) {
      return LayerEntries.read(in);
    }
  }

  private void visit(JsonNode descriptor, Optional<String> platform) throws IOException {
    String digest = descriptor.path("digest").asText();
    Optional<String> own = platformOf(descriptor).or(() -> platform);
    if (own.map(p -> p.startsWith("unknown/")).orElse(false)) {
      return;
    }
    JsonNode node = json(blob(digest));
    if (node.has("manifests")) {
      for (JsonNode child : node.path("manifests")) {
        visit(child, own);
      }
      return;
    }
    if (!node.has("layers")) {
      return;
    }
    JsonNode config = json(blob(node.path("config").path("digest").asText()));
    String name =
        own.orElseGet(
            () ->
                config.path("os").asText()
                    + "/"
                    + config.path("architecture").asText()
                    + (config.hasNonNull("variant") ? "/" + config.path("variant").asText() : ""));
    if (name.startsWith("unknown/")) {
      return;
    }
    List<Layer> layers = new ArrayList<>();
    for (JsonNode layer : node.path("layers")) {
      layers.add(
          new Layer(
              layer.path("digest").asText(),
              layer.path("mediaType").asText(),
              layer.path("size").asLong()));
    }
    List<String> history =
        HistoryEntry.of(config).stream()
            .filter(h -> !h.emptyLayer())
            .map(HistoryEntry::createdBy)
            .toList();
    images.put(name, new PlatformImage(name, digest, layers, config, history));
  }

  private static Optional<String> platformOf(JsonNode descriptor) {
    JsonNode p = descriptor.path("platform");
    if (p.isMissingNode() || !p.has("os")) {
      return Optional.empty();
    }
    String variant = p.hasNonNull("variant") ? "/" + p.path("variant").asText() : "";
    return Optional.of(p.path("os").asText() + "/" + p.path("architecture").asText() + variant);
  }

  private Path blob(String digest) throws IOException {
    int colon = digest.indexOf(':');
    if (colon < 1 || digest.contains("/") || digest.contains("..")) {
      throw new IOException("not a digest: '" + digest + "' in " + dir);
    }
    return dir.resolve("blobs")
        .resolve(digest.substring(0, colon))
        .resolve(digest.substring(colon + 1));
  }

  private JsonNode json(String name) throws IOException {
    return json(dir.resolve(name));
  }

  private JsonNode json(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return JSON.readTree(in);
    } catch (NoSuchFileException e) {
      throw new IOException("the OCI layout " + dir + " has no " + dir.relativize(file), e);
    }
  }
}
