package dev.orchestrator.core.layers;

import java.util.List;

/**
 * What the last build of one platform of a service did, step by step, for the layer table: the
 * layer-making steps of the stages that end up in the image, in image order, with their cache use.
 *
 * @param manifestDigest the platform manifest that build made: the record is about that image only
 * @param fromImage whether the image's first stage is built FROM an image (its layers come first
 *     and are the base's), not {@code scratch}
 * @param steps one per layer the build made, base layers not included
 */
public record StepRecord(String manifestDigest, boolean fromImage, List<Step> steps) {

  public StepRecord {
    steps = List.copyOf(steps);
  }

  /**
   * @param instruction as BuildKit's progress named the step, such as {@code RUN make}
   * @param cache {@link LayerCache#CACHED}, {@link LayerCache#BUILT}, or {@link LayerCache#UNKNOWN}
   *     when the progress does not tell this platform's step apart from another's with a different
   *     outcome
   */
  public record Step(String instruction, LayerCache cache) {
    String keyword() {
      return new HistoryEntry(instruction, false).keyword();
    }
  }
}
