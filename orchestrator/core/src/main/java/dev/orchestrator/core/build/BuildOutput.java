package dev.orchestrator.core.build;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads BuildKit's plain progress output for cache use: each build step is a vertex line such as
 * {@code #7 [linux/arm64 2/3] RUN make} or {@code #7 [build 2/3] RUN make}, and a later {@code #7
 * CACHED} line says it came from the cache.
 *
 * <p>Counts are per buildx invocation, which builds every platform of a service together: BuildKit
 * names the platform on some steps only, so a per-platform split would be a guess.
 */
public final class BuildOutput {
  private static final Pattern STEP =
      Pattern.compile("^#(\\d+) \\[(?:\\S+/\\S+ )?(?:[\\w.-]+ )?\\d+/\\d+\\] .*");
  private static final Pattern CACHED = Pattern.compile("^#(\\d+) CACHED\\s*$");

  /** The image BuildKit runs to make an SBOM attestation ({@code sbom: true} in a profile). */
  static final String SBOM_SCANNER = "docker.io/docker/buildkit-syft-scanner";

  private BuildOutput() {}

  /**
   * Why a build with {@code sbom: true} failed, when BuildKit could not get its scanner image: bake
   * names that step after no target, so a member's own lines would not show it.
   */
  static Optional<String> scannerFailure(List<String> lines) {
    return lines.stream()
        .filter(l -> l.startsWith("ERROR") && l.contains(SBOM_SCANNER))
        .findFirst()
        .map(
            l ->
                "sbom: true needs BuildKit's SBOM scanner image "
                    + SBOM_SCANNER
                    + ", which the builder could not get ("
                    + l.strip()
                    + ")");
  }

  /**
   * The last {@code ERROR} line of a whole build's output: why bake failed when it named the
   * failing step after no member (a shared vertex, a registry or exporter error), so that the
   * member's message says more than an exit code.
   */
  static Optional<String> lastError(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("ERROR")) {
        return Optional.of(lines.get(i).strip());
      }
    }
    return Optional.empty();
  }

  /** Cached and total build steps (internal vertices such as loading the context excluded). */
  public static StepCounts cacheUse(List<String> lines) {
    Set<String> steps = new HashSet<>();
    Set<String> cached = new HashSet<>();
    for (String line : lines) {
      Matcher step = STEP.matcher(line);
      if (step.matches()) {
        steps.add(step.group(1));
        continue;
      }
      Matcher hit = CACHED.matcher(line);
      if (hit.matches()) {
        cached.add(hit.group(1));
      }
    }
    cached.retainAll(steps);
    return new StepCounts(cached.size(), steps.size());
  }

  /** How many of a build's steps came from the cache. */
  public record StepCounts(int cached, int total) {
    public boolean allCached() {
      return total > 0 && cached == total;
    }
  }
}
