package dev.orchestrator.core.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The dependency graph between services: acyclic, every edge between known services. */
public final class ServiceGraph {
  private final Set<String> nodes;
  private final List<Edge> edges;
  private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();
  private final Map<String, Set<String>> dependents = new LinkedHashMap<>();

  ServiceGraph(Collection<String> nodes, List<Edge> edges) {
    this.nodes = new TreeSet<>(nodes);
    this.edges = List.copyOf(edges);
    this.nodes.forEach(
        n -> {
          dependencies.put(n, new TreeSet<>());
          dependents.put(n, new TreeSet<>());
        });
    for (Edge e : edges) {
      dependencies.get(e.from()).add(e.to());
      dependents.get(e.to()).add(e.from());
    }
  }

  public Set<String> nodes() {
    return Set.copyOf(nodes);
  }

  public List<Edge> edges() {
    return edges;
  }

  /** Direct dependencies of a service, sorted. */
  public Set<String> dependenciesOf(String service) {
    return Set.copyOf(dependencies.getOrDefault(service, Set.of()));
  }

  /** Services that directly depend on this one, sorted. */
  public Set<String> dependentsOf(String service) {
    return Set.copyOf(dependents.getOrDefault(service, Set.of()));
  }

  public List<Edge> edgesFrom(String service) {
    return edges.stream().filter(e -> e.from().equals(service)).toList();
  }

  /** The given services plus everything they need, transitively. */
  public Set<String> withDependencies(Collection<String> services) {
    return closure(services, dependencies);
  }

  /** The given services plus everything that needs them, transitively. */
  public Set<String> withDependents(Collection<String> services) {
    return closure(services, dependents);
  }

  private static Set<String> closure(Collection<String> start, Map<String, Set<String>> next) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(start);
    while (!todo.isEmpty()) {
      String n = todo.remove(todo.size() - 1);
      if (seen.add(n)) {
        todo.addAll(next.getOrDefault(n, Set.of()));
      }
    }
    return new TreeSet<>(seen);
  }
}
