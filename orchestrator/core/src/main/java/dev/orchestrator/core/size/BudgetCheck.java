package dev.orchestrator.core.size;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares measured sizes with budgets: {@code budget} against the uncompressed size (the unpacked
 * layers, what "under 150 MB" means to people), {@code compressedBudget} against what a registry
 * pull transfers.
 */
public final class BudgetCheck {
  private BudgetCheck() {}

  /** One sentence per exceeded budget; empty when within budget. */
  public static List<String> violations(
      String service,
      String platform,
      long uncompressed,
      long compressed,
      Optional<Budget> budget,
      Optional<Budget> compressedBudget) {
    List<String> found = new ArrayList<>();
    budget
        .flatMap(b -> b.forPlatform(platform))
        .filter(limit -> uncompressed > limit.bytes())
        .ifPresent(
            limit ->
                found.add(
                    sentence(service, platform, "uncompressed", uncompressed, limit, "budget")));
    compressedBudget
        .flatMap(b -> b.forPlatform(platform))
        .filter(limit -> compressed > limit.bytes())
        .ifPresent(
            limit ->
                found.add(
                    sentence(
                        service, platform, "compressed", compressed, limit, "compressedBudget")));
    return found;
  }

  private static String sentence(
      String service, String platform, String kind, long size, ByteSize limit, String key) {
    return String.format(
        Locale.ROOT,
        "%s %s: %s size %s is over its %s of %s by %s",
        service,
        platform,
        kind,
        new ByteSize(size),
        key,
        limit,
        new ByteSize(size - limit.bytes()));
  }
}
