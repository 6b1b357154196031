package dev.orchestrator.core.dockerfile;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Which flags an instruction accepts, after BuildKit's instruction parsers. */
record FlagSpec(Set<String> values, Set<String> booleans, Set<String> repeatable) {
  private static final FlagSpec NONE = new FlagSpec(Set.of(), Set.of(), Set.of());
  private static final Map<String, FlagSpec> BY_KEYWORD =
      Map.of(
          "from", new FlagSpec(Set.of("platform"), Set.of(), Set.of()),
          "copy",
              new FlagSpec(
                  Set.of("from", "chown", "chmod", "exclude"),
                  Set.of("link", "parents"),
                  Set.of("exclude")),
          // BuildKit's ADD has no --from; it is accepted so that it is not silently dropped.
          "add",
              new FlagSpec(
                  Set.of("from", "chown", "chmod", "checksum", "exclude"),
                  Set.of("link", "keep-git-dir", "unpack"),
                  Set.of("exclude")),
          "run",
              new FlagSpec(
                  Set.of("mount", "network", "security", "device"),
                  Set.of(),
                  Set.of("mount", "device")),
          "healthcheck",
              new FlagSpec(
                  Set.of("interval", "timeout", "start-period", "start-interval", "retries"),
                  Set.of(),
                  Set.of()));

  static FlagSpec of(String keyword) {
    return BY_KEYWORD.getOrDefault(keyword, NONE);
  }

  @Override
  public String toString() {
    Set<String> all = new TreeSet<>(values);
    all.addAll(booleans);
    return all.isEmpty() ? "no flags" : "--" + String.join(", --", all);
  }
}
