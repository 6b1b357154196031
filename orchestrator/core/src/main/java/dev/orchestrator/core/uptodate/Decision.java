package dev.orchestrator.core.uptodate;

import java.util.Optional;

/** Build a service, or not: and why, in words for the report and {@code --explain}. */
public sealed interface Decision {
  String reason();

  /** buildx must run. */
  record Build(String reason) implements Decision {}

  /**
   * buildx need not run: an image with the inputs exists.
   *
   * @param digest its manifest digest when the look-up learned it (a registry)
   */
  record UpToDate(String reason, Optional<String> digest) implements Decision {}

  /**
   * Pure: from whether the service could be hashed, whether the user forced a build, and what the
   * look-up found.
   */
  static Decision of(boolean hashed, boolean force, Optional<Lookup> lookup) {
    if (!hashed) {
      return new Build("no input hash: incremental builds are off");
    }
    if (force) {
      return new Build("--force: built whatever exists");
    }
    if (lookup.isEmpty()) {
      return new Build("nowhere to look for an image of this hash");
    }
    Lookup l = lookup.get();
    return l.found() ? new UpToDate(l.where(), l.digest()) : new Build(l.where());
  }
}
