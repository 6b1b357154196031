package dev.orchestrator.cli;

import dev.orchestrator.core.graph.ServiceGraph;
import dev.orchestrator.core.report.GraphText;
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
    shared.orchestrator(context).checkProfile(shared.root(), shared.profile());
    ServiceGraph graph = shared.orchestrator(context).graph(shared.root());
    Format chosen = shared.json ? Format.json : format;
    context
        .out()
        .print(
            switch (chosen) {
              case text -> GraphText.text(graph);
              case dot -> GraphText.dot(graph);
              case mermaid -> GraphText.mermaid(graph);
              case json -> Json.write(json(graph)) + "\n";
            });
    return ExitCodes.OK;
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
