package dev.orchestrator.core.result;

import java.time.Duration;
import java.util.List;

/**
 * One service's outcome.
 *
 * @param message why it failed or was skipped (empty when it succeeded)
 * @param outputTail the last lines of the failing command, to show the user
 */
public record ServiceResult(
    String name,
    String image,
    BuildStatus status,
    Duration duration,
    List<PlatformResult> platforms,
    String message,
    List<String> outputTail) {

  public ServiceResult {
    platforms = List.copyOf(platforms);
    outputTail = List.copyOf(outputTail);
  }

  public boolean overBudget() {
    return platforms.stream().anyMatch(PlatformResult::overBudget);
  }
}
