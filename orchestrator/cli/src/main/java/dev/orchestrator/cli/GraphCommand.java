package dev.orchestrator.cli;

import dev.orchestrator.core.graph.Edge;
import dev.orchestrator.core.graph.ServiceGraph;
import dev.orchestrator.core.workspace.Workspace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "graph", description = "Show the dependency graph with the reason for each edge.")
final class GraphCommand implements Callable<Integer> {
  enum Format {
    text,
    dot,
    mermaid,
    json
  }

  private final CliFactory.Context context;
  @Mixin SharedOptions shared;

  @Option(names = "--format", description = "text, dot, mermaid or json (default: text).")
  Format format = Format.text;

  GraphCommand(CliFactory.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ServiceGraph graph = Workspace.load(shared.root()).graph();
    Format chosen = shared.json ? Format.json : format;
    context
        .out()
        .print(
            switch (chosen) {
              case text -> text(graph);
              case dot -> dot(graph);
              case mermaid -> mermaid(graph);
              case json -> Json.write(json(graph)) + "\n";
            });
    return ExitCodes.OK;
  }

  private static String text(ServiceGraph graph) {
    StringBuilder out = new StringBuilder();
    for (String node : graph.nodes().stream().sorted().toList()) {
      out.append(node).append('\n');
      for (Edge e : graph.edgesFrom(node)) {
        out.append(String.format("  -> %s (%s, %s)%n", e.to(), e.reason().label(), e.detail()));
      }
    }
    return out.toString();
  }

  private static String dot(ServiceGraph graph) {
    StringBuilder out = new StringBuilder("digraph services {\n  rankdir=LR;\n");
    graph.nodes().stream().sorted().forEach(n -> out.append(String.format("  \"%s\";%n", n)));
    for (Edge e : graph.edges()) {
      out.append(
          String.format(
              "  \"%s\" -> \"%s\" [label=\"%s\"];%n", e.from(), e.to(), e.reason().label()));
    }
    return out.append("}\n").toString();
  }

  private static String mermaid(ServiceGraph graph) {
    StringBuilder out = new StringBuilder("graph LR\n");
    graph.nodes().stream()
        .sorted()
        .forEach(n -> out.append(String.format("  %s[\"%s\"]%n", id(n), n)));
    for (Edge e : graph.edges()) {
      out.append(
          String.format("  %s -->|\"%s\"| %s%n", id(e.from()), e.reason().label(), id(e.to())));
    }
    return out.toString();
  }

  /** Mermaid ids may not contain dots or dashes everywhere; the label keeps the real name. */
  private static String id(String name) {
    return name.replaceAll("[^A-Za-z0-9_]", "_");
  }

  private static Map<String, Object> json(ServiceGraph graph) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("services", graph.nodes().stream().sorted().toList());
    json.put(
        "edges",
        graph.edges().stream()
            .map(
                e -> {
                  Map<String, Object> edge = new LinkedHashMap<>();
                  edge.put("from", e.from());
                  edge.put("to", e.to());
                  edge.put("reason", e.reason().label());
                  edge.put("detail", e.detail());
                  return edge;
                })
            .toList());
    return json;
  }
}
