package dev.orchestrator.core.layers;

import java.util.Optional;

/**
 * One layer of a platform image with the instruction that made it.
 *
 * @param index 1-based position in the manifest, base first
 * @param instruction the history entry that made it; empty when the image's history does not name
 *     its layers (a history with fewer or more non-empty entries than layers)
 * @param blob the layer's digest and sizes
 */
public record Layer(int index, Optional<HistoryEntry> instruction, LayerBlob blob) {

  /** The instruction's text, or {@code ?} when the history does not say. */
  public String instructionText() {
    return instruction.map(HistoryEntry::instruction).orElse("?");
  }
}
