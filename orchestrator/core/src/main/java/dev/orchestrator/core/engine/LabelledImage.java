package dev.orchestrator.core.engine;

import java.util.List;

/**
 * One image of the engine's listing that carries a label: its references as the engine lists them
 * ({@code namespace/name:tag}) and the label's value.
 */
public record LabelledImage(List<String> references, String value) {
  public LabelledImage {
    references = List.copyOf(references);
  }
}
