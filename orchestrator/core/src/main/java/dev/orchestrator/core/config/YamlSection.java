package dev.orchestrator.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The accepted entries of one YAML map, in file order, with the line of each key.
 *
 * @param prefix the dotted path of the map itself ("" for the file, "prepare" for its section), so
 *     messages name nested keys in full
 */
record YamlSection(String prefix, Map<String, Node> entries, Map<String, Integer> lines) {

  YamlSection {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    lines = Map.copyOf(lines);
  }

  static YamlSection empty(String prefix) {
    return new YamlSection(prefix, Map.of(), Map.of());
  }

  /**
   * Walks a map's entries, keeping those whose key {@code complaint} accepts (by returning null)
   * and reporting the rest, non-scalar keys and duplicates (which SnakeYAML's composer allows).
   */
  static YamlSection of(
      MappingNode map,
      String prefix,
      Function<String, String> complaint,
      ObjIntConsumer<String> report) {
    Map<String, Node> entries = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    String dot = prefix.isEmpty() ? "" : prefix + ".";
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      int line = keyNode.getStartMark().getLine() + 1;
      if (!(keyNode instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
        report.accept((prefix.isEmpty() ? "" : "'" + prefix + "': ") + "keys must be words", line);
        continue;
      }
      String key = scalar.getValue();
      String rejected = complaint.apply(key);
      if (rejected != null) {
        report.accept(rejected, line);
      } else if (lines.containsKey(key)) {
        report.accept(
            "duplicate key '" + dot + key + "' (first on line " + lines.get(key) + ")", line);
      } else {
        entries.put(key, tuple.getValueNode());
        lines.put(key, line);
      }
    }
    return new YamlSection(prefix, entries, lines);
  }

  Optional<Node> node(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The full name of a key in this map, as messages show it: {@code prepare.command}. */
  String path(String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }

  int lineOf(String key) {
    return lines.getOrDefault(key, 0);
  }
}
