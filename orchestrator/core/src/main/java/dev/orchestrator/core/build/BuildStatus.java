package dev.orchestrator.core.build;

import java.util.Locale;

/** What became of one service on one platform. */
public enum BuildStatus {
  /** buildx ran and at least one step executed. */
  BUILT,
  /** buildx ran and every step came from the cache. */
  CACHED,
  /** buildx or a step before it (preparation, Maven) failed. */
  FAILED,
  /** Not attempted because a dependency failed, or --fail-fast stopped the run. */
  SKIPPED;

  public boolean succeeded() {
    return this == BUILT || this == CACHED;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
