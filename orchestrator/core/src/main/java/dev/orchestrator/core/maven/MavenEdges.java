package dev.orchestrator.core.maven;

import dev.orchestrator.core.discovery.Repository;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.graph.Edge;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Graph edges from the reactor: service A depends on service B when A's module needs B's module,
 * directly or through library modules that are not services. Libraries never become nodes; the
 * edge's detail names the way through them.
 */
public final class MavenEdges {
  private MavenEdges() {}

  public static List<Edge> of(MavenReactor reactor, Repository repository) {
    Map<Path, String> serviceByDirectory = new HashMap<>();
    repository
        .services()
        .forEach(s -> serviceByDirectory.put(s.directory().toAbsolutePath().normalize(), s.name()));
    List<Edge> edges = new ArrayList<>();
    for (Service service : repository.services()) {
      reactor
          .module(service.directory())
          .ifPresent(
              module ->
                  edges.addAll(edgesFrom(service.name(), module, reactor, serviceByDirectory)));
    }
    return edges;
  }

  /** Breadth first, so each target is reached by its shortest way through the libraries. */
  private static List<Edge> edgesFrom(
      String service,
      ReactorModule start,
      MavenReactor reactor,
      Map<Path, String> serviceByDirectory) {
    record Step(ReactorModule module, List<String> via) {}
    List<Edge> edges = new ArrayList<>();
    Set<Path> seen = new HashSet<>(Set.of(start.directory()));
    Deque<Step> todo = new ArrayDeque<>(List.of(new Step(start, List.of())));
    while (!todo.isEmpty()) {
      Step step = todo.poll();
      for (ReactorModule next : reactor.dependenciesOf(step.module())) {
        if (!seen.add(next.directory())) {
          continue;
        }
        String target = serviceByDirectory.get(next.directory());
        if (target != null) {
          edges.add(
              new Edge(
                  service,
                  target,
                  Edge.Reason.MAVEN_DEPENDENCY,
                  "pom.xml: "
                      + next.coordinates()
                      + (step.via().isEmpty() ? "" : " via " + String.join(" -> ", step.via()))));
        } else {
          List<String> via = new ArrayList<>(step.via());
          via.add(next.artifactId());
          todo.add(new Step(next, via));
        }
      }
    }
    return edges;
  }
}
