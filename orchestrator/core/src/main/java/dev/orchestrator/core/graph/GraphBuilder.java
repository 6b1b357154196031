package dev.orchestrator.core.graph;

import dev.orchestrator.core.discovery.Repository;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.dockerfile.ImageReference;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the service graph from Dockerfile references (the buildx named-context convention: an
 * image named exactly like a service is that service's image), {@code dependsOn}, and any extra
 * edges a caller adds (Maven module dependencies).
 */
public final class GraphBuilder {
  private GraphBuilder() {}

  public static ServiceGraph build(Repository repository) {
    return build(repository, List.of());
  }

  public static ServiceGraph build(Repository repository, Collection<Edge> extraEdges) {
    Map<String, Service> services = repository.byName();
    List<Problem> problems = new ArrayList<>();
    Set<Edge> edges = new LinkedHashSet<>();
    for (Service service : repository.services()) {
      edges.addAll(imageEdges(service, services));
      for (String dependency : service.descriptor().dependsOn()) {
        if (!services.containsKey(dependency)) {
          problems.add(
              new Problem(
                  service.descriptor().file(),
                  service.descriptor().lineOf("dependsOn"),
                  "dependsOn names unknown service '"
                      + dependency
                      + "'; known services: "
                      + String.join(", ", new java.util.TreeSet<>(services.keySet()))));
        } else {
          // A dependency from a build definition (compose, skaffold, bake) names that file.
          String declaredIn =
              service.descriptor().lineOf("dependsOn") > 0 ? "service.yaml" : service.origin();
          edges.add(new Edge(service.name(), dependency, Edge.Reason.DEPENDS_ON, declaredIn));
        }
      }
    }
    edges.addAll(extraEdges);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    List<Edge> edgeList = List.copyOf(edges);
    failOnCycle(services.keySet(), edgeList);
    return new ServiceGraph(services.keySet(), edgeList);
  }

  /** Whether a referenced image is an in-repo service rather than an external image. */
  public static boolean isInRepo(Service service, String image, Map<String, Service> services) {
    return Wiring.decide(service, image, services).inRepo();
  }

  private static List<Edge> imageEdges(Service service, Map<String, Service> services) {
    List<Edge> edges = new ArrayList<>();
    String dockerfile = service.dockerfile().getFileName().toString();
    for (ImageReference ref : service.dockerfileInfo().references()) {
      Wiring.Decision decision = Wiring.decide(service, ref.image(), services);
      if (decision.inRepo()) {
        edges.add(
            new Edge(
                service.name(),
                ref.image(),
                reason(ref.kind()),
                dockerfile + ":" + ref.line() + ", " + decision.reason()));
      }
    }
    return edges;
  }

  private static Edge.Reason reason(ImageReference.Kind kind) {
    return switch (kind) {
      case FROM -> Edge.Reason.DOCKERFILE_FROM;
      case COPY_FROM -> Edge.Reason.DOCKERFILE_COPY_FROM;
      case MOUNT_FROM -> Edge.Reason.DOCKERFILE_MOUNT_FROM;
    };
  }

  private static void failOnCycle(Set<String> nodes, List<Edge> edges) {
    Map<String, Set<String>> next = new LinkedHashMap<>();
    nodes.forEach(n -> next.put(n, new java.util.TreeSet<>()));
    edges.forEach(e -> next.get(e.from()).add(e.to()));
    Optional<List<String>> cycle = CycleFinder.find(next);
    if (cycle.isEmpty()) {
      return;
    }
    List<String> path = cycle.get();
    String why =
        new ArrayList<>(path)
            .subList(0, path.size() - 1).stream()
                .map(
                    from -> {
                      String to = path.get(path.indexOf(from) + 1);
                      return edges.stream()
                          .filter(e -> e.from().equals(from) && e.to().equals(to))
                          .findFirst()
                          .map(
                              e ->
                                  from
                                      + " -> "
                                      + to
                                      + " ("
                                      + e.reason().label()
                                      + ", "
                                      + e.detail()
                                      + ")")
                          .orElse(from + " -> " + to);
                    })
                .collect(Collectors.joining("; "));
    throw new ConfigurationException(
        "dependency cycle: " + String.join(" -> ", path) + "\n  " + why);
  }
}
