package dev.orchestrator.core.result;

import java.util.Locale;

/** What became of one service on one platform. */
public enum BuildStatus {
  /** buildx ran and at least one step executed. */
  BUILT,
  /** buildx ran and every step came from the cache. */
  CACHED,
  /**
   * buildx did not run: an image with the same input hash already exists (in the local engine or
   * the profile's registry). Counts as succeeded.
   */
  UP_TO_DATE,
  /** buildx or a step before it (preparation, Maven) failed. */
  FAILED,
  /** Not attempted because a dependency failed, or --fail-fast stopped the run. */
  SKIPPED;

  public boolean succeeded() {
    return this == BUILT || this == CACHED || this == UP_TO_DATE;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
