package dev.orchestrator.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the services with a {@code build:} section from a compose file ({@code compose.yaml},
 * {@code docker-compose.yml}, ...). Services without {@code build:} only run an image and are not
 * built. {@code depends_on} is left out: it orders containers at run time, not builds; a build
 * dependency is an {@code additional_contexts} entry {@code service:NAME}.
 */
public final class ComposeReader {
  private ComposeReader() {}

  /**
   * @throws dev.orchestrator.core.error.ConfigurationException with every problem, each with its
   *     line
   */
  public static List<BuildDefinition> read(Path file, Path repositoryRoot) {
    DefinitionNodes nodes = new DefinitionNodes(file, repositoryRoot);
    List<BuildDefinition> definitions = new ArrayList<>();
    Optional<Node> document = YamlSource.compose(file, p -> nodes.addAll(List.of(p)));
    Map<String, Node> top = document.map(d -> nodes.map(d, "(file)")).orElse(Map.of());
    nodes
        .map(top.get("services"), "services")
        .forEach(
            (name, node) ->
                readService(nodes, name, node, DefinitionNodes.keyLine(top.get("services"), name))
                    .ifPresent(definitions::add));
    nodes.throwIfAny();
    return definitions;
  }

  private static Optional<BuildDefinition> readService(
      DefinitionNodes nodes, String name, Node service, int line) {
    Map<String, Node> fields = nodes.map(service, "services." + name);
    Node build = fields.get("build");
    if (build == null) {
      return Optional.empty();
    }
    String where = "services." + name + ".build";
    Optional<String> image = nodes.text(fields.get("image"), "services." + name + ".image");
    Map<String, Node> section =
        build instanceof ScalarNode ? Map.of("context", build) : nodes.map(build, where);
    if (section.containsKey("dockerfile_inline")) {
      nodes.report(
          DefinitionNodes.line(section.get("dockerfile_inline")),
          "service '" + name + "': dockerfile_inline is not supported; write a Dockerfile");
      return Optional.empty();
    }
    String context = nodes.text(section.get("context"), where + ".context").orElse(".");
    String dockerfile =
        nodes.text(section.get("dockerfile"), where + ".dockerfile").orElse("Dockerfile");
    List<String> requires = new ArrayList<>();
    Node extra = section.get("additional_contexts");
    Map<String, String> contexts = nodes.args(extra, where + ".additional_contexts");
    contexts.forEach(
        (key, value) -> {
          if (value.startsWith("service:") && value.substring(8).equals(key)) {
            requires.add(key);
          } else {
            nodes.report(
                DefinitionNodes.line(extra),
                "service '"
                    + name
                    + "': additional context '"
                    + key
                    + "' is '"
                    + value
                    + "'; only 'service:"
                    + key
                    + "' (a context named like the service it builds from) is supported");
          }
        });
    List<String> platforms = nodes.platforms(section.get("platforms"), where + ".platforms");
    Map<String, String> args = nodes.args(section.get("args"), where + ".args");
    Optional<String> target = nodes.text(section.get("target"), where + ".target");
    int contextLine = DefinitionNodes.lineOr(section.get("context"), build);
    return nodes
        .paths(
            name,
            contextLine,
            DefinitionNodes.lineOr(section.get("dockerfile"), build),
            context,
            dockerfile)
        .map(
            located ->
                new BuildDefinition(
                    name,
                    image,
                    nodes.file(),
                    line,
                    located.context(),
                    located.dockerfile(),
                    target,
                    args,
                    platforms,
                    requires));
  }
}
