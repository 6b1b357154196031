package dev.orchestrator.core.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps an image's history to its layers: the history entries that are not {@code empty_layer} name
 * the manifest's layers one to one, in order (the OCI image spec's rule, and what BuildKit writes).
 * Entries for ENV, CMD, LABEL, ARG and the like are empty and name no layer. Pure.
 */
public final class ImageLayers {
  private ImageLayers() {}

  /**
   * @return one entry per manifest layer, in order; when the history has not exactly one non-empty
   *     entry per layer (a hand-made or squashed image), no layer gets an instruction rather than a
   *     wrong one
   */
  public static List<Layer> of(PlatformImage image) {
    List<HistoryEntry> withLayer = image.history().stream().filter(h -> !h.emptyLayer()).toList();
    boolean mapped = withLayer.size() == image.layers().size();
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < image.layers().size(); i++) {
      layers.add(
          new Layer(
              i + 1,
              mapped ? Optional.of(withLayer.get(i)) : Optional.empty(),
              image.layers().get(i)));
    }
    return List.copyOf(layers);
  }

  /** Whether every layer has its instruction (see {@link #of}). */
  public static boolean historyNamesLayers(PlatformImage image) {
    return image.history().stream().filter(h -> !h.emptyLayer()).count() == image.layers().size();
  }
}
