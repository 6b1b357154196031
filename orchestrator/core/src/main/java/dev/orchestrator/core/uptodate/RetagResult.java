package dev.orchestrator.core.uptodate;

import java.util.List;

/**
 * What pointing a profile's tags at an image found by its hash did. An up-to-date image whose tags
 * could not be moved is not up to date: its tags still name an older image.
 *
 * @param done false when the copy was refused; {@code detail} and {@code tail} say why
 */
public record RetagResult(boolean done, String detail, List<String> tail) {

  public RetagResult {
    tail = List.copyOf(tail);
  }

  public static RetagResult notNeeded() {
    return new RetagResult(true, "its tags already name it", List.of());
  }
}
