package dev.orchestrator.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a profile comes from, for {@code orchestrator profiles}.
 *
 * @param file the repository's file for it, if any
 * @param overriddenKeys for a file over a built-in profile, the keys the file sets
 * @param description the profile's {@code description}, or ""
 */
public record ProfileOrigin(
    String name, Kind kind, Optional<Path> file, List<String> overriddenKeys, String description) {

  public ProfileOrigin {
    overriddenKeys = List.copyOf(overriddenKeys);
  }

  public enum Kind {
    /** Shipped inside the tool; the repository has no file for it. */
    BUILT_IN,
    /** A built-in profile with some keys set by the repository's file. */
    OVERRIDDEN,
    /** A built-in profile the repository's file replaces whole ({@code inherit: false}). */
    REPLACED,
    /** Only in the repository's file. */
    FILE
  }
}
