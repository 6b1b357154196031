package dev.orchestrator.core.dockerfile;

import java.util.Objects;
import java.util.Optional;

/**
 * One build stage, opened by a {@code FROM} instruction.
 *
 * @param index 0-based position, usable as {@code COPY --from=<index>}
 * @param baseImage the image or earlier stage after ARG substitution
 * @param name the {@code AS} name, lower-cased as BuildKit does
 * @param platform the {@code --platform} value after ARG substitution, absent when none or empty
 * @param line 1-based line of the {@code FROM}
 */
public record Stage(
    int index, String baseImage, Optional<String> name, Optional<String> platform, int line) {

  public Stage {
    Objects.requireNonNull(baseImage, "baseImage");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(platform, "platform");
  }
}
