package dev.orchestrator.core.dockerfile;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One build stage, opened by a {@code FROM} instruction.
 *
 * @param index 0-based position, usable as {@code COPY --from=<index>}
 * @param baseImage the image or earlier stage after ARG substitution
 * @param name the {@code AS} name, lower-cased as BuildKit does
 * @param platform the {@code --platform} value after ARG substitution, absent when none or empty
 * @param line 1-based line of the {@code FROM}
 * @param labelKeys the keys its own {@code LABEL} instructions set (not those of its base)
 */
public record Stage(
    int index,
    String baseImage,
    Optional<String> name,
    Optional<String> platform,
    int line,
    Set<String> labelKeys) {

  public Stage {
    Objects.requireNonNull(baseImage, "baseImage");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(platform, "platform");
    labelKeys = Set.copyOf(labelKeys);
  }

  /** A stage without labels. */
  public Stage(
      int index, String baseImage, Optional<String> name, Optional<String> platform, int line) {
    this(index, baseImage, name, platform, line, Set.of());
  }

  Stage withLabelKeys(Set<String> more) {
    Set<String> all = new TreeSet<>(labelKeys);
    all.addAll(more);
    return new Stage(index, baseImage, name, platform, line, all);
  }
}
