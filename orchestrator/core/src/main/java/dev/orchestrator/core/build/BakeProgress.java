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
 * Reads a bake session's progress in plain form as it comes ({@link BakeRawProgress} makes it of
 * rawjson), target by target. bake names each vertex after its target ({@code #7 [svc-1 linux/amd64
 * 2/3] RUN make}); later lines of that vertex ({@code #7 0.21 output}, {@code #7 CACHED}, {@code #7
 * ERROR: …}) carry only its number. So every line is attributed to one target, or to none (the
 * session's own vertices).
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

  /** Each member's bases in the same session: its solve holds their steps too. */
  private final Map<String, Set<String>> basesInSession;

  private final Map<String, String> digestOfVertex = new HashMap<>();
  private final Map<String, Set<String>> servicesOfDigest = new HashMap<>();

  /** What the session did for one target so far. */
  final class Progress {
    private final String service;
    private final Set<String> steps = new LinkedHashSet<>();
    private final Set<String> cached = new LinkedHashSet<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> vertexOfLine = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private long firstNanos = -1;
    private long lastNanos = -1;

    private Progress(String service) {
      this.service = service;
    }

    /** Its own steps: those of an in-session base, which its solve holds too, left out. */
    BuildOutput.StepCounts steps() {
      Set<String> own = new LinkedHashSet<>(steps);
      own.removeIf(this::isBasesVertex);
      Set<String> hits = new LinkedHashSet<>(cached);
      hits.retainAll(own);
      return new BuildOutput.StepCounts(hits.size(), own.size());
    }

    /**
     * Errors of this target's vertices, its in-session bases' included (a base's failing step fails
     * its dependent's solve too); a cancelled vertex is no error of its own.
     */
    List<String> errors() {
      return List.copyOf(errors);
    }

    /** Its lines, those of an in-session base's vertices left out. */
    List<String> lines() {
      List<String> own = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String vertex = vertexOfLine.get(i);
        if (vertex == null || !isBasesVertex(vertex)) {
          own.add(lines.get(i));
        }
      }
      return List.copyOf(own);
    }

    /** A vertex whose digest an in-session base names too ({@link #vertexDigest}). */
    private boolean isBasesVertex(String vertex) {
      String digest = digestOfVertex.get(vertex);
      if (digest == null) {
        return false;
      }
      Set<String> naming = servicesOfDigest.getOrDefault(digest, Set.of());
      return basesInSession.getOrDefault(service, Set.of()).stream().anyMatch(naming::contains);
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
    this(targets, Map.of());
  }

  /**
   * @param targets service name to bake target name
   * @param basesInSession each member's bases (transitively) that are members too
   */
  BakeProgress(Map<String, String> targets, Map<String, Set<String>> basesInSession) {
    this.basesInSession = Map.copyOf(basesInSession);
    targets.forEach(
        (service, target) -> {
          serviceOfTarget.put(target, service);
          progress.put(service, new Progress(service));
        });
  }

  /**
   * Tells the digest of vertex {@code #number} ({@link BakeRawProgress} numbers a digest once per
   * target naming it), so that a base's steps held in a dependent's solve count for the base alone.
   */
  void vertexDigest(String number, String digest) {
    digestOfVertex.put(number, digest);
    String service = targetOfVertex.get(number);
    if (service != null) {
      servicesOfDigest.computeIfAbsent(digest, d -> new HashSet<>()).add(service);
    }
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
    Matcher numbered = LINE.matcher(line);
    p.vertexOfLine.add(numbered.matches() ? numbered.group(1) : null);
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
