package dev.orchestrator.core.verify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What verify found for one service on one platform.
 *
 * @param checks in {@link Check} order
 * @param toHealthy from container start to healthy, with the image as it is
 * @param toHealthyReadOnly the same with a read-only root, tmpfs /tmp and no capabilities
 * @param run whether its containers were run, and if not why
 */
public record VerifyRow(
    String service,
    String platform,
    String image,
    List<CheckResult> checks,
    Optional<Duration> toHealthy,
    Optional<Duration> toHealthyReadOnly,
    Run run) {

  /** Whether verify ran the image's containers. */
  public enum Run {
    /** Run (or tried: a missing image is a failed row that ran). */
    RAN,
    /** A base image: declared one, or built FROM by others and without a command. */
    BASE,
    /** No CMD or ENTRYPOINT, and not a base: nothing could be run. */
    NOT_RUNNABLE
  }

  /** How a row counts in the summary: a row that was not run is neither passed nor failed. */
  public enum Result {
    PASSED("passed"),
    FAILED("FAILED"),
    NOT_RUN("not run");

    private final String label;

    Result(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public VerifyRow {
    checks = List.copyOf(checks);
  }

  /** A row whose containers were run. */
  public VerifyRow(
      String service,
      String platform,
      String image,
      List<CheckResult> checks,
      Optional<Duration> toHealthy,
      Optional<Duration> toHealthyReadOnly) {
    this(service, platform, image, checks, toHealthy, toHealthyReadOnly, Run.RAN);
  }

  /** No check failed (a row that was not run may still have passed its image checks). */
  public boolean passed() {
    return checks.stream().noneMatch(CheckResult::failed);
  }

  public Result result() {
    if (!passed()) {
      return Result.FAILED;
    }
    return run == Run.RAN ? Result.PASSED : Result.NOT_RUN;
  }

  public List<CheckResult> failures() {
    return checks.stream().filter(CheckResult::failed).toList();
  }
}
