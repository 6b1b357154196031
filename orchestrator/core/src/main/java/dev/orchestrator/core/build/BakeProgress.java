package dev.orchestrator.core.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code docker buildx bake --progress=plain} as it comes, target by target. bake names each
 * vertex after its target ({@code #7 [svc-1 linux/amd64 2/3] RUN make}); later lines of that vertex
 * ({@code #7 0.21 output}, {@code #7 CACHED}, {@code #7 ERROR: …}) carry only its number. So every
 * line is attributed to one target, or to none (the session's own vertices).
 *
 * <p>Not thread-safe: one reader per bake process, fed from its output thread.
 */
final class BakeProgress {
  private static final Pattern VERTEX =
      Pattern.compile("^#(\\d+) \\[([A-Za-z0-9_-]+)(?: ([^\\]]*))?\\] (.*)");
  private static final Pattern OWN_VERTEX = Pattern.compile("^#(\\d+) \\[([^\\]]*)\\] .*");
  private static final Pattern STEP_POSITION = Pattern.compile("(?:^|.* )\\d+/\\d+$");
  private static final Pattern LINE = Pattern.compile("^#(\\d+) (.*)$");
  private static final Pattern FINAL_ERROR =
      Pattern.compile("^ERROR: target ([A-Za-z0-9_-]+): (.*)$");

  private final Map<String, String> serviceOfTarget = new HashMap<>();
  private final Map<String, String> targetOfVertex = new HashMap<>();

  /**
   * Vertices whose error BuildKit tolerates: a registry cache not there yet ({@code importing cache
   * manifest from …}, then {@code ERROR: … not found} on a first build) only means no cache.
   */
  private final Set<String> tolerated = new HashSet<>();

  private final Map<String, Progress> progress = new LinkedHashMap<>();

  /** What the session did for one target so far. */
  static final class Progress {
    private final Set<String> steps = new LinkedHashSet<>();
    private final Set<String> cached = new LinkedHashSet<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private long firstNanos = -1;
    private long lastNanos = -1;

    BuildOutput.StepCounts steps() {
      Set<String> hits = new LinkedHashSet<>(cached);
      hits.retainAll(steps);
      return new BuildOutput.StepCounts(hits.size(), steps.size());
    }

    /** Errors of this target's own vertices; a cancelled vertex is no error of its own. */
    List<String> errors() {
      return List.copyOf(errors);
    }

    List<String> lines() {
      return List.copyOf(lines);
    }

    /** From its first vertex to its last line, in nanoseconds; 0 when nothing was seen. */
    long activeNanos() {
      return firstNanos < 0 ? 0 : lastNanos - firstNanos;
    }
  }

  /**
   * @param targets service name to bake target name
   */
  BakeProgress(Map<String, String> targets) {
    targets.forEach(
        (service, target) -> {
          serviceOfTarget.put(target, service);
          progress.put(service, new Progress());
        });
  }

  /**
   * Reads one line.
   *
   * @return the service the line belongs to, if any
   */
  Optional<String> accept(String line, long nanos) {
    if (progress.size() == 1) {
      return acceptOnly(line, nanos);
    }
    Matcher vertex = VERTEX.matcher(line);
    if (vertex.matches() && serviceOfTarget.containsKey(vertex.group(2))) {
      String service = serviceOfTarget.get(vertex.group(2));
      targetOfVertex.put(vertex.group(1), service);
      Progress p = touch(service, line, nanos);
      String where = vertex.group(3);
      if (where != null && STEP_POSITION.matcher(where).matches()) {
        p.steps.add(vertex.group(1));
      }
      if (vertex.group(4).startsWith("importing cache manifest from ")) {
        tolerated.add(vertex.group(1));
      }
      return Optional.of(service);
    }
    Matcher last = FINAL_ERROR.matcher(line);
    if (last.matches() && serviceOfTarget.containsKey(last.group(1))) {
      String service = serviceOfTarget.get(last.group(1));
      Progress p = touch(service, line, nanos);
      if (p.errors.isEmpty()) {
        p.errors.add(last.group(2));
      }
      return Optional.of(service);
    }
    return acceptVertexLine(line, nanos);
  }

  /** A later line of a vertex already seen: output, CACHED, ERROR. */
  private Optional<String> acceptVertexLine(String line, long nanos) {
    Matcher any = LINE.matcher(line);
    if (any.matches() && targetOfVertex.containsKey(any.group(1))) {
      String service = targetOfVertex.get(any.group(1));
      Progress p = touch(service, line, nanos);
      String rest = any.group(2).trim();
      if (rest.equals("CACHED")) {
        p.cached.add(any.group(1));
      } else if (rest.startsWith("ERROR: ")
          && !rest.contains("context canceled")
          && !tolerated.contains(any.group(1))) {
        p.errors.add(rest.substring("ERROR: ".length()));
      }
      return Optional.of(service);
    }
    return Optional.empty();
  }

  /**
   * With one target, bake names vertices as {@code buildx build} does ({@code #7 [build 2/3] RUN
   * make}, no target name), so every vertex is that target's.
   */
  private Optional<String> acceptOnly(String line, long nanos) {
    String service = progress.keySet().iterator().next();
    Matcher vertex = OWN_VERTEX.matcher(line);
    if (vertex.matches()) {
      targetOfVertex.put(vertex.group(1), service);
      Progress p = touch(service, line, nanos);
      if (STEP_POSITION.matcher(vertex.group(2)).matches()) {
        p.steps.add(vertex.group(1));
      }
      return Optional.of(service);
    }
    return acceptVertexLine(line, nanos);
  }

  private Progress touch(String service, String line, long nanos) {
    Progress p = progress.get(service);
    p.lines.add(line);
    if (p.firstNanos < 0) {
      p.firstNanos = nanos;
    }
    p.lastNanos = nanos;
    return p;
  }

  /** Steps and cache hits of the whole session. */
  BuildOutput.StepCounts total() {
    int cached = 0;
    int total = 0;
    for (Progress p : progress.values()) {
      cached += p.steps().cached();
      total += p.steps().total();
    }
    return new BuildOutput.StepCounts(cached, total);
  }

  Progress of(String service) {
    return progress.get(service);
  }
}
