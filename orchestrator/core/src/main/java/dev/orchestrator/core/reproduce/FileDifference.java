package dev.orchestrator.core.reproduce;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One path whose entry differs between the two builds' layers.
 *
 * @param aspects what differs, never empty
 * @param detail both values of each aspect, in the order of {@code aspects} and joined by {@code ;
 *     }, e.g. {@code 0644 ≠ 0755; 2026-12-02T13:19:01Z ≠ 2026-12-02T13:19:09Z} for mode and mtime,
 *     or {@code only in the first build}
 */
public record FileDifference(String path, Set<Aspect> aspects, String detail) {
  public FileDifference {
    if (aspects.isEmpty()) {
      throw new IllegalArgumentException("a difference names what differs");
    }
    aspects = Collections.unmodifiableSet(EnumSet.copyOf(aspects));
  }
}
