package dev.orchestrator.core.build;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads BuildKit's plain progress output for cache use: each build step is a vertex line such as
 * {@code #7 [linux/arm64 2/3] RUN make} (or {@code #7 [2/3] RUN make} for a single platform),
 * and a later {@code #7 CACHED} line says it came from the cache.
 */
public final class BuildOutput {
  private static final Pattern STEP =
      Pattern.compile("^#(\\d+) \\[(?:(\\S+/\\S+) )?(?:[\\w.-]+ )?\\d+/\\d+\\] .*");
  private static final Pattern CACHED = Pattern.compile("^#(\\d+) CACHED\\s*$");

  private BuildOutput() {}

  /** Cached and total step counts per platform ({@code ""} key when only one platform). */
  public static Map<String, StepCounts> cacheUse(List<String> lines) {
    Map<String, String> platformOfStep = new HashMap<>();
    Set<String> cached = new HashSet<>();
    for (String line : lines) {
      Matcher step = STEP.matcher(line);
      if (step.matches()) {
        platformOfStep.putIfAbsent(step.group(1), step.group(2) == null ? "" : step.group(2));
        continue;
      }
      Matcher hit = CACHED.matcher(line);
      if (hit.matches()) {
        cached.add(hit.group(1));
      }
    }
    Map<String, StepCounts> counts = new TreeMap<>();
    platformOfStep.forEach((id, platform) ->
        counts.merge(platform, new StepCounts(cached.contains(id) ? 1 : 0, 1), StepCounts::plus));
    return counts;
  }

  /** How many of a build's steps came from the cache. */
  public record StepCounts(int cached, int total) {
    StepCounts plus(StepCounts other) {
      return new StepCounts(cached + other.cached, total + other.total);
    }

    public boolean allCached() {
      return total > 0 && cached == total;
    }
  }
}
