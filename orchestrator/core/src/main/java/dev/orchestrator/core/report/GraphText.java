package dev.orchestrator.core.report;

import dev.orchestrator.core.graph.Edge;
import dev.orchestrator.core.graph.ServiceGraph;
import java.util.Locale;

/** The dependency graph for people and diagram tools: plain text, Graphviz dot, Mermaid. */
public final class GraphText {
  private GraphText() {}

  /** Each service, then one line per edge: target, reason and detail. */
  public static String text(ServiceGraph graph) {
    StringBuilder out = new StringBuilder();
    for (String node : graph.nodes().stream().sorted().toList()) {
      out.append(node).append('\n');
      for (Edge e : graph.edgesFrom(node)) {
        out.append(
            String.format(
                Locale.ROOT, "  -> %s (%s, %s)%n", e.to(), e.reason().label(), e.detail()));
      }
    }
    return out.toString();
  }

  public static String dot(ServiceGraph graph) {
    StringBuilder out = new StringBuilder("digraph services {\n  rankdir=LR;\n");
    graph.nodes().stream()
        .sorted()
        .forEach(n -> out.append(String.format(Locale.ROOT, "  \"%s\";%n", n)));
    for (Edge e : graph.edges()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  \"%s\" -> \"%s\" [label=\"%s\"];%n",
              e.from(),
              e.to(),
              e.reason().label()));
    }
    return out.append("}\n").toString();
  }

  public static String mermaid(ServiceGraph graph) {
    StringBuilder out = new StringBuilder("graph LR\n");
    graph.nodes().stream()
        .sorted()
        .forEach(n -> out.append(String.format(Locale.ROOT, "  %s[\"%s\"]%n", id(n), n)));
    for (Edge e : graph.edges()) {
      out.append(
          String.format(
              Locale.ROOT, "  %s -->|\"%s\"| %s%n", id(e.from()), e.reason().label(), id(e.to())));
    }
    return out.toString();
  }

  /** Mermaid ids may not contain dots or dashes everywhere; the label keeps the real name. */
  private static String id(String name) {
    return name.replaceAll("[^A-Za-z0-9_]", "_");
  }
}
