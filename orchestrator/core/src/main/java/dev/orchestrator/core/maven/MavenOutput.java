package dev.orchestrator.core.maven;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Maven's plain output (batch mode, not quiet) line by line: which module it is building
 * ({@code < groupId:artifactId >}, then {@code Building NAME VERSION [n/N]}), each module's own
 * lines, and the reactor summary at the end ({@code NAME ..... SUCCESS|FAILURE|SKIPPED}), so that a
 * failure is blamed on the module that failed. ANSI escapes are removed from every line.
 */
public final class MavenOutput implements Consumer<String> {
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");
  private static final Pattern COORDINATES =
      Pattern.compile("^\\[INFO\\] -+< ([^:\\s]+:[^:\\s]+) >-+$");
  private static final Pattern BUILDING =
      Pattern.compile("^\\[INFO\\] Building (.+?) \\S+\\s+\\[(\\d+)/(\\d+)\\]$");
  private static final Pattern SUMMARY =
      Pattern.compile("^\\[INFO\\] (.+?) \\.+ (SUCCESS|FAILURE|SKIPPED)( \\[.*\\])?$");

  /** How one module ended, by its {@code groupId:artifactId}. */
  public enum Status {
    SUCCESS,
    FAILURE,
    SKIPPED
  }

  /** Modules done out of the total, and the one being built now. */
  public record Progress(int done, int total, String building) {}

  private final Consumer<Progress> progress;
  private final List<String> lines = new ArrayList<>();
  private final Map<String, String> coordinatesByName = new HashMap<>();
  private final Map<String, List<String>> linesByModule = new HashMap<>();
  private final Map<String, Status> statuses = new LinkedHashMap<>();
  private final Map<String, Status> statusesByName = new LinkedHashMap<>();
  private String pendingCoordinates;
  private String current;

  /**
   * @param progress told each time Maven starts a module
   */
  public MavenOutput(Consumer<Progress> progress) {
    this.progress = progress;
  }

  /** The line without ANSI escapes, as the report shows it. */
  public static String plain(String line) {
    return ANSI.matcher(line).replaceAll("");
  }

  @Override
  public synchronized void accept(String raw) {
    String line = plain(raw);
    lines.add(line);
    Matcher m = COORDINATES.matcher(line);
    if (m.matches()) {
      pendingCoordinates = m.group(1);
      return;
    }
    m = BUILDING.matcher(line);
    if (m.matches() && pendingCoordinates != null) {
      current = pendingCoordinates;
      pendingCoordinates = null;
      coordinatesByName.put(m.group(1), current);
      progress.accept(
          new Progress(Integer.parseInt(m.group(2)) - 1, Integer.parseInt(m.group(3)), m.group(1)));
      return;
    }
    if (line.startsWith("[INFO] Reactor Summary")) {
      current = null;
      return;
    }
    m = SUMMARY.matcher(line);
    if (m.matches()) {
      // A module Maven skipped was never started, so only its name is known.
      statusesByName.put(m.group(1), Status.valueOf(m.group(2)));
      if (coordinatesByName.containsKey(m.group(1))) {
        statuses.put(coordinatesByName.get(m.group(1)), Status.valueOf(m.group(2)));
      }
      current = null;
      return;
    }
    if (current != null) {
      linesByModule.computeIfAbsent(current, k -> new ArrayList<>()).add(line);
    }
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** How each module ended, from the reactor summary; empty when Maven printed none. */
  public synchronized Map<String, Status> statuses() {
    return Map.copyOf(statuses);
  }

  /**
   * How a module ended: by its coordinates when Maven started it, else by its summary name, which
   * is its artifactId unless its POM sets {@code <name>}.
   */
  public synchronized Optional<Status> status(String coordinates) {
    return Optional.ofNullable(statuses.get(coordinates))
        .or(
            () ->
                Optional.ofNullable(
                    statusesByName.get(coordinates.substring(coordinates.indexOf(':') + 1))));
  }

  /** The last lines Maven printed while building one module: where its error is. */
  public synchronized List<String> tailOf(String coordinates, int count) {
    List<String> own = linesByModule.getOrDefault(coordinates, List.of());
    return List.copyOf(own.subList(Math.max(0, own.size() - count), own.size()));
  }
}
