package dev.orchestrator.core.result;

import dev.orchestrator.core.size.ImageSizes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One service on one platform.
 *
 * @param sizes measured after a successful load; empty when pushed or not built
 * @param budgetBytes the uncompressed budget for this platform, if any
 * @param compressedBudgetBytes the compressed budget for this platform, if any
 * @param cachedSteps steps from the cache, counted over the one buildx invocation that built all of
 *     this service's platforms (BuildKit does not name the platform of every step)
 * @param budgetViolations human sentences naming platform, size, budget and overshoot
 * @param digest the pushed image's manifest digest ({@code sha256:…}) when this platform was pushed
 *     on its own; empty when loaded, or built together with other platforms
 */
public record PlatformResult(
    String platform,
    BuildStatus status,
    Duration duration,
    String image,
    Optional<ImageSizes> sizes,
    Optional<Long> budgetBytes,
    Optional<Long> compressedBudgetBytes,
    int cachedSteps,
    int totalSteps,
    List<String> budgetViolations,
    Optional<String> digest) {

  public PlatformResult {
    budgetViolations = List.copyOf(budgetViolations);
  }

  public boolean overBudget() {
    return !budgetViolations.isEmpty();
  }
}
