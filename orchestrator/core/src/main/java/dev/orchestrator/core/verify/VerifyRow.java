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
 */
public record VerifyRow(
    String service,
    String platform,
    String image,
    List<CheckResult> checks,
    Optional<Duration> toHealthy,
    Optional<Duration> toHealthyReadOnly) {

  public VerifyRow {
    checks = List.copyOf(checks);
  }

  public boolean passed() {
    return checks.stream().noneMatch(CheckResult::failed);
  }

  public List<CheckResult> failures() {
    return checks.stream().filter(CheckResult::failed).toList();
  }
}
