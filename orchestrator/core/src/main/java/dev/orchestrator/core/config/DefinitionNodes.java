package dev.orchestrator.core.config;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.image.Platforms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Lenient access to the nodes of a build definition written for another tool (compose, Skaffold,
 * bake): keys the orchestrator does not use are ignored, the ones it uses are checked, and every
 * problem is kept with its line so that the reader fails once with all of them.
 */
final class DefinitionNodes {
  private final Path file;
  private final Path root;
  private final List<Problem> problems = new ArrayList<>();

  DefinitionNodes(Path file, Path root) {
    this.file = file;
    this.root = root;
  }

  Path file() {
    return file;
  }

  /** The line of {@code node}, or of {@code fallback} (its parent) when the key is absent. */
  static int lineOr(Node node, Node fallback) {
    return line(node != null ? node : fallback);
  }

  static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /** A map's entries by key, in file order; empty (and reported) when the node is not a map. */
  Map<String, Node> map(Node node, String what) {
    Map<String, Node> entries = new LinkedHashMap<>();
    if (node == null || isNull(node)) {
      return entries;
    }
    if (!(node instanceof MappingNode map)) {
      report(line(node), "'" + what + "' must be a map");
      return entries;
    }
    for (NodeTuple tuple : map.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        entries.put(key.getValue(), tuple.getValueNode());
      }
    }
    return entries;
  }

  /** The line of {@code key} in a map node; 0 when it is not there. */
  static int keyLine(Node map, String key) {
    if (map instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return line(k);
        }
      }
    }
    return 0;
  }

  /** The items of a list; empty (and reported) when the node is not a list. */
  List<Node> list(Node node, String what) {
    if (node == null || isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode seq)) {
      report(line(node), "'" + what + "' must be a list");
      return List.of();
    }
    return seq.getValue();
  }

  Optional<String> text(Node node, String what) {
    if (node == null || isNull(node)) {
      return Optional.empty();
    }
    if (node instanceof ScalarNode scalar) {
      return Optional.of(scalar.getValue());
    }
    report(line(node), "'" + what + "' must be a string");
    return Optional.empty();
  }

  List<String> texts(Node node, String what) {
    List<String> values = new ArrayList<>();
    list(node, what).forEach(item -> text(item, what).ifPresent(values::add));
    return values;
  }

  /** Build arguments as a map ({@code K: V}) or a list ({@code [K=V]}), as compose allows both. */
  Map<String, String> args(Node node, String what) {
    Map<String, String> args = new LinkedHashMap<>();
    if (node instanceof SequenceNode) {
      for (Node item : list(node, what)) {
        text(item, what)
            .ifPresent(
                pair -> {
                  int eq = pair.indexOf('=');
                  // KEY alone takes its value from the environment: nothing to pass.
                  if (eq > 0) {
                    args.put(pair.substring(0, eq), pair.substring(eq + 1));
                  }
                });
      }
      return args;
    }
    map(node, what)
        .forEach((key, value) -> text(value, what + "." + key).ifPresent(v -> args.put(key, v)));
    return args;
  }

  /** Platforms in the orchestrator's grammar; a wrong one is reported at its line. */
  List<String> platforms(Node node, String what) {
    List<String> platforms = new ArrayList<>();
    for (Node item : list(node, what)) {
      text(item, what)
          .ifPresent(
              p -> {
                Optional<String> problem = Platforms.problem(p);
                if (problem.isPresent()) {
                  report(line(item), "'" + what + "': '" + p + "' " + problem.get());
                } else {
                  platforms.add(p);
                }
              });
    }
    return platforms;
  }

  /**
   * The context folder and the Dockerfile in it, checked: the context must be a folder inside the
   * repository and the Dockerfile a file. Empty, with the problem reported, otherwise.
   *
   * @param contextLine where problems with the context are reported
   * @param dockerfileLine where problems with the Dockerfile are reported
   * @param context as written, relative to the definition file's folder
   * @param dockerfile as written, relative to the context
   */
  Optional<Located> paths(
      String name, int contextLine, int dockerfileLine, String context, String dockerfile) {
    int line = contextLine;
    Path contextPath = file.getParent().resolve(context).normalize();
    if (!contextPath.startsWith(root)) {
      report(line, "service '" + name + "': context '" + context + "' is outside the repository");
      return Optional.empty();
    }
    if (!Files.isDirectory(contextPath)) {
      report(
          line,
          "service '"
              + name
              + "': context '"
              + context
              + "' "
              + (Files.exists(contextPath) ? "is not a folder" : "does not exist"));
      return Optional.empty();
    }
    Path dockerfilePath = contextPath.resolve(dockerfile).normalize();
    line = dockerfileLine;
    if (!dockerfilePath.startsWith(root)) {
      report(
          line,
          "service '" + name + "': dockerfile '" + dockerfile + "' is outside the repository");
      return Optional.empty();
    }
    if (!Files.isRegularFile(dockerfilePath)) {
      report(
          line,
          "service '"
              + name
              + "': Dockerfile "
              + root.relativize(dockerfilePath)
              + (Files.isDirectory(dockerfilePath) ? " is a folder, not a file" : " not found"));
      return Optional.empty();
    }
    if (!insideAfterLinks(contextPath) || !insideAfterLinks(dockerfilePath)) {
      report(
          line,
          "service '"
              + name
              + "': context or Dockerfile leads outside the repository through a symbolic link");
      return Optional.empty();
    }
    return Optional.of(new Located(contextPath, dockerfilePath));
  }

  /** A definition's context folder and Dockerfile, absolute. */
  record Located(Path context, Path dockerfile) {}

  private boolean insideAfterLinks(Path path) {
    try {
      return path.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  void report(int line, String message) {
    problems.add(new Problem(file, line, message));
  }

  void addAll(List<Problem> more) {
    problems.addAll(more);
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparingInt(Problem::line));
      throw new ConfigurationException(sorted);
    }
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }
}
