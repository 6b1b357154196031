package dev.orchestrator.core.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Dockerfile step as BuildKit's plain progress shows it: {@code #7 [linux/arm64 build 2/5] RUN
 * make}, where the platform, the stage and (in a bake session of several targets) the target name
 * before them are each optional, and a later {@code #7 CACHED} says it came from the cache.
 *
 * @param stage the stage as BuildKit names it ({@code build}, {@code stage-1}); empty for the one
 *     stage of a single-stage Dockerfile
 * @param position 1-based step number within the stage
 * @param total the stage's step count
 * @param platform the platform, when BuildKit names it (it does on some steps only)
 * @param instruction the step's text, such as {@code RUN make}
 * @param cached whether a {@code CACHED} line followed
 */
public record BuildStep(
    String stage,
    int position,
    int total,
    Optional<String> platform,
    String instruction,
    boolean cached) {
  private static final Pattern VERTEX = Pattern.compile("^#(\\d+) \\[([^\\]]*)\\] (.*)$");
  private static final Pattern POSITION = Pattern.compile("^(\\d+)/(\\d+)$");
  private static final Pattern CACHED = Pattern.compile("^#(\\d+) CACHED\\s*$");

  /**
   * The steps in a build's progress lines, each vertex once, in order of first mention.
   *
   * @param target the bake target name that prefixes every vertex in a session of several targets;
   *     empty for {@code buildx build} and a session of one target
   */
  public static List<BuildStep> parse(List<String> lines, Optional<String> target) {
    Map<String, BuildStep> steps = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher cached = CACHED.matcher(line);
      if (cached.matches()) {
        steps.computeIfPresent(cached.group(1), (id, s) -> s.withCached());
        continue;
      }
      Matcher vertex = VERTEX.matcher(line);
      if (vertex.matches() && !steps.containsKey(vertex.group(1))) {
        step(vertex.group(2), vertex.group(3), target)
            .ifPresent(s -> steps.put(vertex.group(1), s));
      }
    }
    return List.copyOf(new ArrayList<>(steps.values()));
  }

  private static Optional<BuildStep> step(String bracket, String text, Optional<String> target) {
    List<String> tokens = new ArrayList<>(List.of(bracket.trim().split("\\s+")));
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    Matcher position = POSITION.matcher(tokens.remove(tokens.size() - 1));
    if (!position.matches()) {
      return Optional.empty(); // [internal], [auth], a session's own vertex
    }
    if (target.isPresent() && !tokens.isEmpty() && tokens.get(0).equals(target.get())) {
      tokens.remove(0);
    }
    Optional<String> platform = Optional.empty();
    String stage = "";
    for (String token : tokens) {
      // Stage names cannot hold a slash; platforms always do.
      if (token.contains("/")) {
        platform = Optional.of(token);
      } else {
        stage = token;
      }
    }
    return Optional.of(
        new BuildStep(
            stage,
            Integer.parseInt(position.group(1)),
            Integer.parseInt(position.group(2)),
            platform,
            text.strip(),
            false));
  }

  private BuildStep withCached() {
    return new BuildStep(stage, position, total, platform, instruction, true);
  }
}
