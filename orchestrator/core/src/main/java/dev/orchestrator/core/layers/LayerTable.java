package dev.orchestrator.core.layers;

import dev.orchestrator.core.size.ImageSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layers of one platform of a service's image: the instruction that made each, its sizes, and
 * whether the last build took it from BuildKit's cache. The sizes are the image's own layer by
 * layer, so they add up to {@link #sizes()} exactly.
 *
 * @param service the service
 * @param image the reference read (a tag, or a digest reference)
 * @param platform such as {@code linux/amd64}
 * @param manifestDigest the platform manifest read
 * @param rows one per layer, base first
 * @param unknownBecause why the cache column says unknown, when it does for every row
 */
public record LayerTable(
    String service,
    String image,
    String platform,
    String manifestDigest,
    List<LayerRow> rows,
    Optional<String> unknownBecause) {

  public LayerTable {
    rows = List.copyOf(rows);
  }

  /** The image's sizes: the sums of the rows. */
  public ImageSizes sizes() {
    long compressed = 0;
    long uncompressed = 0;
    for (LayerRow row : rows) {
      compressed += row.layer().blob().compressedBytes();
      uncompressed += row.layer().blob().uncompressedBytes();
    }
    return new ImageSizes(platform, compressed, uncompressed);
  }

  /**
   * Joins an image and the record of the build that made it. The last {@code steps} layers are the
   * build's, in order; those before are the base's. The record is used only when it is about this
   * very manifest, its count fits (no base layers for an image FROM scratch) and every step names
   * the same kind of instruction (RUN, COPY, ADD, WORKDIR) as its layer's history; otherwise every
   * row is unknown, with the reason.
   */
  public static LayerTable of(
      String service, String image, PlatformImage platformImage, Optional<StepRecord> record) {
    List<Layer> layers = ImageLayers.of(platformImage);
    Optional<String> problem = problem(platformImage, layers, record);
    List<LayerRow> rows = new ArrayList<>();
    int base = record.map(r -> layers.size() - r.steps().size()).orElse(0);
    for (Layer layer : layers) {
      LayerCache cache;
      if (problem.isPresent()) {
        cache = LayerCache.UNKNOWN;
      } else if (layer.index() <= base) {
        cache = LayerCache.BASE;
      } else {
        cache = record.orElseThrow().steps().get(layer.index() - base - 1).cache();
      }
      rows.add(new LayerRow(layer, cache));
    }
    return new LayerTable(
        service, image, platformImage.platform(), platformImage.manifestDigest(), rows, problem);
  }

  private static Optional<String> problem(
      PlatformImage image, List<Layer> layers, Optional<StepRecord> record) {
    if (record.isEmpty()) {
      return Optional.of("no build of this platform recorded here (built elsewhere, or pulled)");
    }
    StepRecord r = record.get();
    if (!r.manifestDigest().equals(image.manifestDigest())) {
      return Optional.of("the last recorded build made " + r.manifestDigest() + ", not this image");
    }
    if (!ImageLayers.historyNamesLayers(image)) {
      return Optional.of("the image's history does not name its layers one to one");
    }
    int base = layers.size() - r.steps().size();
    if (base < 0 || (!r.fromImage() && base != 0)) {
      return Optional.of(
          "the recorded build has "
              + r.steps().size()
              + " layer steps, the image "
              + layers.size()
              + " layers"
              + (r.fromImage() ? "" : " and no base"));
    }
    for (int i = 0; i < r.steps().size(); i++) {
      Layer layer = layers.get(base + i);
      String kind = layer.instruction().map(HistoryEntry::keyword).orElse("");
      if (!kind.equals(r.steps().get(i).keyword())) {
        return Optional.of(
            "layer "
                + layer.index()
                + " was made by "
                + (kind.isEmpty() ? "an unnamed step" : kind)
                + ", the recorded step is "
                + r.steps().get(i).instruction());
      }
    }
    return Optional.empty();
  }
}
