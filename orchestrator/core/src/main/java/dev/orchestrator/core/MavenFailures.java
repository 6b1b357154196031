package dev.orchestrator.core;

import dev.orchestrator.core.maven.MavenReactor;
import dev.orchestrator.core.maven.ReactorModule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which failed modules to name when Maven skipped a service's module. */
final class MavenFailures {
  private MavenFailures() {}

  /**
   * The failed modules among those {@code module} needs, transitively, in reactor order; all failed
   * ones when none of them is (Maven also skips a module after its parent POM failed, which is no
   * dependency).
   *
   * @param failed the failed modules' names by their coordinates
   */
  static List<String> neededBy(
      MavenReactor reactor, ReactorModule module, Map<String, String> failed) {
    Set<Path> needed = reactor.moduleDirectoriesNeededBy(module.directory());
    List<String> named =
        reactor.modules().stream()
            .filter(m -> failed.containsKey(m.coordinates()) && needed.contains(m.directory()))
            .map(m -> failed.get(m.coordinates()))
            .toList();
    return named.isEmpty() ? List.copyOf(failed.values()) : named;
  }
}
