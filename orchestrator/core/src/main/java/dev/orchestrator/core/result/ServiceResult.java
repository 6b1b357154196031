package dev.orchestrator.core.result;

import java.time.Duration;
import java.util.List;

/**
 * One service's outcome.
 *
 * @param message why it failed or was skipped (empty when it succeeded)
 * @param outputTail the last lines of the failing command, to show the user
 * @param buildReason why buildx ran for it: the up-to-date decision's reason (where no image with
 *     its input hash was found, {@code --force}, …); empty when it was not built
 */
public record ServiceResult(
    String name,
    String image,
    BuildStatus status,
    Duration duration,
    List<PlatformResult> platforms,
    String message,
    List<String> outputTail,
    String buildReason) {

  public ServiceResult {
    platforms = List.copyOf(platforms);
    outputTail = List.copyOf(outputTail);
  }

  /** A result with no build reason: not built, or built before the decision was known. */
  public ServiceResult(
      String name,
      String image,
      BuildStatus status,
      Duration duration,
      List<PlatformResult> platforms,
      String message,
      List<String> outputTail) {
    this(name, image, status, duration, platforms, message, outputTail, "");
  }

  public boolean overBudget() {
    return platforms.stream().anyMatch(PlatformResult::overBudget);
  }
}
