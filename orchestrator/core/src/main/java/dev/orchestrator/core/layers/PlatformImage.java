package dev.orchestrator.core.layers;

import dev.orchestrator.core.size.ImageSizes;
import java.util.List;

/**
 * One platform of an image, read from the engine's export or from a registry: its manifest's layers
 * with their sizes, and its configuration's history. What the size readers, the layer table and the
 * reproducibility gate share; attestation manifests never become one.
 *
 * @param platform such as {@code linux/arm64}
 * @param manifestDigest the digest of this platform's image manifest
 * @param layers the manifest's layers in order, base first
 * @param history the configuration's history in order, empty entries included
 */
public record PlatformImage(
    String platform, String manifestDigest, List<LayerBlob> layers, List<HistoryEntry> history) {

  public PlatformImage {
    layers = List.copyOf(layers);
    history = List.copyOf(history);
  }

  /** The sums over the layers: the image's sizes. */
  public ImageSizes sizes() {
    long compressed = 0;
    long uncompressed = 0;
    for (LayerBlob layer : layers) {
      compressed += layer.compressedBytes();
      uncompressed += layer.uncompressedBytes();
    }
    return new ImageSizes(platform, compressed, uncompressed);
  }
}
