package dev.orchestrator.core.build;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses the services one BuildKit session builds together. Pure: the executor asks it for the
 * next batch whenever a session slot is free.
 *
 * <p>A batch holds at most {@code width} services, all for one builder. A service joins only when
 * each of its in-plan dependencies is either built already or in the same batch (then it is wired
 * to it in-solve, as a {@code target:} context). Candidates are offered longest remaining chain
 * first, which is also a dependency order: a base's chain is longer than any of its dependents'.
 */
public final class BatchPlanner {
  private BatchPlanner() {}

  /**
   * @param candidates services that need building and are not in a running batch, longest remaining
   *     chain first
   * @param dependencies each candidate's in-plan dependencies
   * @param built services built (or up to date) in this run
   * @param builder the builder a service builds with ("" for the current one)
   * @return the next batch, in dependency order; empty when no candidate can start yet
   */
  public static List<String> next(
      List<String> candidates,
      Map<String, List<String>> dependencies,
      Set<String> built,
      Function<String, String> builder,
      int width) {
    if (width < 1) {
      throw new IllegalArgumentException("width must be at least 1");
    }
    List<String> batch = new ArrayList<>();
    Set<String> inBatch = new HashSet<>();
    String batchBuilder = null;
    for (String candidate : candidates) {
      if (batch.size() == width) {
        break;
      }
      boolean ready =
          dependencies.getOrDefault(candidate, List.of()).stream()
              .allMatch(d -> built.contains(d) || inBatch.contains(d));
      if (!ready) {
        continue;
      }
      String b = builder.apply(candidate);
      if (batchBuilder == null) {
        batchBuilder = b;
      } else if (!batchBuilder.equals(b)) {
        continue;
      }
      batch.add(candidate);
      inBatch.add(candidate);
    }
    return List.copyOf(batch);
  }
}
