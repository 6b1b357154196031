package dev.orchestrator.core.graph;

import dev.orchestrator.core.error.ConfigurationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Orders the selected services, with everything they depend on, into waves. */
public final class Planner {
  private Planner() {}

  /**
   * @param selected the services asked for; empty means all of them. Their dependencies are always
   *     included.
   */
  public static Plan plan(ServiceGraph graph, Collection<String> selected) {
    List<String> unknown = selected.stream().filter(s -> !graph.nodes().contains(s)).toList();
    if (!unknown.isEmpty()) {
      throw new ConfigurationException(
          "unknown service(s): "
              + String.join(", ", unknown)
              + "; known services: "
              + String.join(", ", new java.util.TreeSet<>(graph.nodes())));
    }
    Set<String> included = selected.isEmpty() ? graph.nodes() : graph.withDependencies(selected);
    Map<String, Integer> level = new HashMap<>();
    Map<String, Integer> chain = new HashMap<>();
    included.forEach(s -> level(s, graph, level));
    included.forEach(s -> chain(s, graph, included, chain));

    Map<Integer, List<String>> byLevel = new TreeMap<>();
    included.forEach(s -> byLevel.computeIfAbsent(level.get(s), k -> new ArrayList<>()).add(s));
    Comparator<String> longestChainFirst =
        Comparator.<String>comparingInt(chain::get).reversed().thenComparing(s -> s);
    List<List<String>> waves = new ArrayList<>();
    byLevel
        .values()
        .forEach(
            w -> {
              w.sort(longestChainFirst);
              waves.add(w);
            });
    return new Plan(waves, chain);
  }

  /** 0 for a service with no dependencies, else one more than its deepest dependency. */
  private static int level(String s, ServiceGraph graph, Map<String, Integer> memo) {
    Integer known = memo.get(s);
    if (known != null) {
      return known;
    }
    int l = 0;
    for (String d : graph.dependenciesOf(s)) {
      l = Math.max(l, level(d, graph, memo) + 1);
    }
    memo.put(s, l);
    return l;
  }

  /** The longest path from s through its dependents (inside the plan), s included. */
  private static int chain(
      String s, ServiceGraph graph, Set<String> in, Map<String, Integer> memo) {
    Integer known = memo.get(s);
    if (known != null) {
      return known;
    }
    int c = 1;
    for (String d : graph.dependentsOf(s)) {
      if (in.contains(d)) {
        c = Math.max(c, chain(d, graph, in, memo) + 1);
      }
    }
    memo.put(s, c);
    return c;
  }
}
