package dev.orchestrator.core.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds one dependency cycle, as the path that closes it: {@code [a, b, c, a]}. */
final class CycleFinder {
  private enum Mark {
    VISITING,
    DONE
  }

  private final Map<String, Set<String>> next;
  private final Map<String, Mark> marks = new HashMap<>();
  private final List<String> path = new ArrayList<>();

  private CycleFinder(Map<String, Set<String>> next) {
    this.next = next;
  }

  /**
   * @param next for every node, the nodes it points to, in a stable order
   */
  static Optional<List<String>> find(Map<String, Set<String>> next) {
    CycleFinder finder = new CycleFinder(next);
    for (String node : next.keySet()) {
      Optional<List<String>> cycle = finder.visit(node);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return Optional.empty();
  }

  // Iterative depth-first search would be needed only for chains deeper than the JVM stack
  // allows; 5,000 services nest far less than that in any real monorepo.
  private Optional<List<String>> visit(String node) {
    Mark mark = marks.get(node);
    if (mark == Mark.DONE) {
      return Optional.empty();
    }
    if (mark == Mark.VISITING) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
      cycle.add(node);
      return Optional.of(cycle);
    }
    marks.put(node, Mark.VISITING);
    path.add(node);
    for (String n : next.getOrDefault(node, Set.of())) {
      Optional<List<String>> cycle = visit(n);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    marks.put(node, Mark.DONE);
    return Optional.empty();
  }
}
