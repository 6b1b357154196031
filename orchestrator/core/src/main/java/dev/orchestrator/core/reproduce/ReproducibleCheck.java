package dev.orchestrator.core.reproduce;

import java.util.Optional;

/**
 * One service and platform checked by the reproducibility gate: two builds without cache, made the
 * same way, compared by their per-platform manifest digests.
 *
 * @param firstDigest the first build's manifest digest for the platform, when it got that far
 * @param difference where the two differ, for {@link Status#DIFFERENT}
 * @param detail why it was not run, or how the builds were made (rewrite-timestamp or not)
 * @param rewriteTimestamp whether both builds set file times in the layers to {@code
 *     SOURCE_DATE_EPOCH}
 */
public record ReproducibleCheck(
    String service,
    String platform,
    Status status,
    Optional<String> firstDigest,
    Optional<String> secondDigest,
    Optional<Difference> difference,
    boolean rewriteTimestamp,
    String detail) {

  /** What the check found. Not run is neither passed nor failed. */
  public enum Status {
    /** Both builds gave the same manifest digest. */
    REPRODUCIBLE,
    /** The digests differ. */
    DIFFERENT,
    /** It could not be checked (a build failed, a platform is missing): never a pass. */
    NOT_RUN
  }

  /** A service-platform that could not be checked, and why. */
  public static ReproducibleCheck notRun(String service, String platform, String why) {
    return new ReproducibleCheck(
        service,
        platform,
        Status.NOT_RUN,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        why);
  }
}
