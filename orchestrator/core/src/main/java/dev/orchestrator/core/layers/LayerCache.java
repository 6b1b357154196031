package dev.orchestrator.core.layers;

import java.util.Locale;

/** Where a layer of the last build came from. */
public enum LayerCache {
  /** From the base image (the {@code FROM} of the image's first stage): not built here. */
  BASE,
  /** Built by the last build from BuildKit's cache ({@code CACHED} in its progress). */
  CACHED,
  /** Built by the last build, its step run. */
  BUILT,
  /** Not known: no record of the build that made this image, or one that does not fit it. */
  UNKNOWN;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static LayerCache ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
