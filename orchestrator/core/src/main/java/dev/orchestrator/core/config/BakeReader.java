package dev.orchestrator.core.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the targets of a bake file in its JSON form: {@code docker-bake.json} as written, or what
 * {@code docker buildx bake --print} made of a {@code docker-bake.hcl} (so no HCL parser is needed:
 * bake itself resolves variables, functions and {@code inherits}). Each target gives context,
 * dockerfile, target, args, platforms, its first tag as the image name, and {@code contexts}
 * entries {@code NAME = "target:NAME"} as dependencies.
 */
public final class BakeReader {
  private static final Pattern HCL_TARGET =
      Pattern.compile("^\\s*target\\s+\"([^\"]+)\"", Pattern.MULTILINE);

  private BakeReader() {}

  /** {@code docker-bake.json}, read directly; lines are the file's. */
  public static List<BuildDefinition> readJson(Path file, Path repositoryRoot) {
    DefinitionNodes nodes = new DefinitionNodes(file, repositoryRoot);
    Optional<Node> document = YamlSource.compose(file, p -> nodes.addAll(List.of(p)));
    return targets(nodes, document, Map.of());
  }

  /**
   * The JSON {@code docker buildx bake --print} printed for {@code hclFile}; lines are where each
   * {@code target "NAME"} block starts in the HCL file.
   */
  public static List<BuildDefinition> readPrinted(Path hclFile, String json, Path repositoryRoot) {
    DefinitionNodes nodes = new DefinitionNodes(hclFile, repositoryRoot);
    Optional<Node> document;
    try {
      document = Optional.ofNullable(new Yaml().compose(new StringReader(json)));
    } catch (YAMLException e) {
      nodes.report(0, "docker buildx bake --print gave no JSON: " + e.getMessage());
      document = Optional.empty();
    }
    return targets(nodes, document, hclTargetLines(hclFile));
  }

  static Map<String, Integer> hclTargetLines(Path hclFile) {
    Map<String, Integer> lines = new HashMap<>();
    try {
      String text = Files.readString(hclFile);
      Matcher m = HCL_TARGET.matcher(text);
      while (m.find()) {
        int line = 1 + (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count();
        lines.putIfAbsent(m.group(1), line);
      }
    } catch (IOException e) {
      // bake read the file just before; without it, problems name the file without a line.
    }
    return lines;
  }

  private static List<BuildDefinition> targets(
      DefinitionNodes nodes, Optional<Node> document, Map<String, Integer> hclLines) {
    List<BuildDefinition> definitions = new ArrayList<>();
    Map<String, Node> top = document.map(d -> nodes.map(d, "(file)")).orElse(Map.of());
    Node targets = top.get("target");
    nodes
        .map(targets, "target")
        .forEach(
            (name, node) -> {
              int line =
                  hclLines.isEmpty()
                      ? DefinitionNodes.keyLine(targets, name)
                      : hclLines.getOrDefault(name, 0);
              readTarget(nodes, name, node, line, hclLines.isEmpty()).ifPresent(definitions::add);
            });
    nodes.throwIfAny();
    return definitions;
  }

  private static Optional<BuildDefinition> readTarget(
      DefinitionNodes nodes, String name, Node target, int line, boolean linesFromNodes) {
    String where = "target." + name;
    Map<String, Node> fields = nodes.map(target, where);
    for (String unsupported : List.of("dockerfile-inline", "inherits")) {
      if (fields.containsKey(unsupported)) {
        nodes.report(
            at(fields.get(unsupported), line, linesFromNodes),
            "target '"
                + name
                + "': '"
                + unsupported
                + "' is not supported in "
                + nodes.file().getFileName()
                + (unsupported.equals("inherits")
                    ? "; write the target in docker-bake.hcl, which bake resolves"
                    : "; write a Dockerfile"));
        return Optional.empty();
      }
    }
    String context = nodes.text(fields.get("context"), where + ".context").orElse(".");
    String dockerfile =
        nodes.text(fields.get("dockerfile"), where + ".dockerfile").orElse("Dockerfile");
    List<String> requires = new ArrayList<>();
    Node contexts = fields.get("contexts");
    nodes
        .args(contexts, where + ".contexts")
        .forEach(
            (key, value) -> {
              if (value.equals("target:" + key)) {
                requires.add(key);
              } else {
                nodes.report(
                    at(contexts, line, linesFromNodes),
                    "target '"
                        + name
                        + "': context '"
                        + key
                        + "' is '"
                        + value
                        + "'; only 'target:"
                        + key
                        + "' (a context named like the target it builds from) is supported");
              }
            });
    Optional<String> image = nodes.texts(fields.get("tags"), where + ".tags").stream().findFirst();
    List<String> platforms = nodes.platforms(fields.get("platforms"), where + ".platforms");
    Map<String, String> args = nodes.args(fields.get("args"), where + ".args");
    Optional<String> stage = nodes.text(fields.get("target"), where + ".target");
    return nodes
        .paths(
            name,
            at(fields.get("context"), line, linesFromNodes),
            at(fields.get("dockerfile"), line, linesFromNodes),
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
                    stage,
                    args,
                    platforms,
                    requires));
  }

  /** A node's own line in a JSON file; the target's line when the JSON came from HCL. */
  private static int at(Node node, int targetLine, boolean linesFromNodes) {
    return linesFromNodes && node != null ? DefinitionNodes.line(node) : targetLine;
  }
}
