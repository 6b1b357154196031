package dev.orchestrator.core.graph;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
              + String.join(", ", new TreeSet<>(graph.nodes())));
    }
    Set<String> included = selected.isEmpty() ? graph.nodes() : graph.withDependencies(selected);
    return waves(graph, included);
  }

  /**
   * Only the services selected, without the dependencies outside the selection: those come from
   * elsewhere (an earlier CI job's images). Refuses a selection with a gap, a service left out that
   * needs one selected while one selected needs it: its image would predate this build.
   */
  public static Plan only(ServiceGraph graph, Collection<String> selected) {
    plan(graph, selected);
    Set<String> chosen = new TreeSet<>(selected);
    List<String> gaps = new ArrayList<>();
    for (String outside : graph.withDependencies(chosen)) {
      if (chosen.contains(outside)) {
        continue;
      }
      Set<String> needs = new TreeSet<>(graph.withDependencies(List.of(outside)));
      needs.retainAll(chosen);
      if (!needs.isEmpty()) {
        gaps.add(
            outside
                + " is not selected, but it needs "
                + String.join(", ", needs)
                + ", which is, and a selected service needs it: select it too, or none of"
                + " those");
      }
    }
    if (!gaps.isEmpty()) {
      throw new ConfigurationException(gaps.stream().map(g -> new Problem(null, 0, g)).toList());
    }
    return waves(graph, chosen);
  }

  private static Plan waves(ServiceGraph graph, Set<String> included) {
    Map<String, Integer> level = new HashMap<>();
    Map<String, Integer> chain = new HashMap<>();
    included.forEach(s -> level(s, graph, included, level));
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

  /** 0 for a service with no dependencies in the plan, else one more than its deepest one. */
  private static int level(
      String s, ServiceGraph graph, Set<String> in, Map<String, Integer> memo) {
    Integer known = memo.get(s);
    if (known != null) {
      return known;
    }
    int l = 0;
    for (String d : graph.dependenciesOf(s)) {
      if (in.contains(d)) {
        l = Math.max(l, level(d, graph, in, memo) + 1);
      }
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
