package dev.orchestrator.core.config;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, validating access to one YAML file's nodes. Every accessor reports what is wrong as a
 * {@link Problem} with the line and the expected form, and returns empty instead of failing, so a
 * reader walks the whole file and {@link #throwIfAny} fails once with every problem.
 *
 * <p>Messages have two shapes: {@code 'key' must be <expected>} when the YAML type is wrong and
 * {@code 'key': 'value' is not <expected>} when the text is.
 */
final class YamlNodes {
  private final Path file;
  private final List<Problem> problems = new ArrayList<>();

  private final Optional<String> text;

  YamlNodes(Path file) {
    this(file, Optional.empty());
  }

  /** Reads {@code text} when given, naming it {@code file} in messages. */
  YamlNodes(Path file, Optional<String> text) {
    this.file = file;
    this.text = text;
  }

  /** The file's top-level map with only the given keys; empty for an empty or broken file. */
  YamlSection document(List<String> keys) {
    Optional<Node> root = YamlSource.compose(file, text, problems::add);
    if (root.isPresent() && !(root.get() instanceof MappingNode)) {
      report(root.get(), "the file must be a map with keys from: " + String.join(", ", keys));
    }
    return root.filter(MappingNode.class::isInstance)
        .map(node -> fields((MappingNode) node, "", fixedKeys("", keys)))
        .orElse(YamlSection.empty(""));
  }

  /** A nested map with only the given keys, such as {@code prepare}. */
  Optional<YamlSection> section(YamlSection in, String key, List<String> keys, String expected) {
    return optional(
        in,
        key,
        (node, path) ->
            node instanceof MappingNode map
                ? Optional.of(fields(map, path, fixedKeys(path, keys)))
                : wrongType(node, path, expected));
  }

  /** A map with only the given keys, as a list item (secrets). */
  Optional<YamlSection> section(Node node, String path, List<String> keys, String expected) {
    return node instanceof MappingNode map
        ? Optional.of(fields(map, path, fixedKeys(path, keys)))
        : wrongType(node, path, expected);
  }

  /** A map whose keys the user chooses, each of the given form (build args, budgets). */
  Optional<YamlSection> map(YamlSection in, String key, Form keyForm, String expected) {
    return optional(
        in,
        key,
        (node, path) ->
            node instanceof MappingNode map
                ? Optional.of(
                    fields(map, path, k -> keyForm.accepts(k) ? null : bad(path, k, keyForm)))
                : wrongType(node, path, expected));
  }

  /** Applies {@code read} to the value of {@code key} with its full path, if the key is set. */
  <T> Optional<T> optional(YamlSection in, String key, BiFunction<Node, String, Optional<T>> read) {
    return in.node(key).flatMap(node -> read.apply(node, in.path(key)));
  }

  /** A list under {@code key}, each item read by {@code item}; bad items are left out. */
  <T> List<T> list(
      YamlSection in, String key, String expected, BiFunction<Node, String, Optional<T>> item) {
    Optional<Node> node = in.node(key);
    if (node.isEmpty()) {
      return List.of();
    }
    if (!(node.get() instanceof SequenceNode seq)) {
      wrongType(node.get(), in.path(key), expected);
      return List.of();
    }
    List<T> values = new ArrayList<>();
    for (Node element : seq.getValue()) {
      item.apply(element, in.path(key)).ifPresent(values::add);
    }
    return values;
  }

  /** A list of distinct texts of one form. */
  List<String> strings(YamlSection in, String key, Form form) {
    Set<String> seen = new HashSet<>();
    return list(
        in,
        key,
        form.many(),
        (node, path) -> text(node, path, form).filter(v -> distinct(node, path, v, seen)));
  }

  Optional<String> string(YamlSection in, String key, Form form) {
    return optional(in, key, (node, path) -> text(node, path, form));
  }

  /** The text of a non-null scalar matching {@code form}. */
  Optional<String> text(Node node, String path, Form form) {
    return scalar(node, path, form.one())
        .filter(v -> form.accepts(v) || report(node, bad(path, v, form)));
  }

  /** A whole number of {@code form} between {@code min} and {@code max}. */
  Optional<Integer> integer(Node node, String path, Form form, int min, int max) {
    return text(node, path, form)
        .map(Integer::valueOf)
        .filter(i -> (i >= min && i <= max) || report(node, bad(path, i.toString(), form)));
  }

  /** The text under {@code key}, if set and {@code complaint} finds nothing wrong with it. */
  Optional<String> checked(
      YamlSection in, String key, String expected, Function<String, Optional<String>> complaint) {
    return optional(in, key, (node, path) -> checked(node, path, expected, complaint));
  }

  /** Scalar text that {@code complaint} finds nothing wrong with; it says why otherwise. */
  Optional<String> checked(
      Node node, String path, String expected, Function<String, Optional<String>> complaint) {
    Optional<String> text = scalar(node, path, expected);
    Optional<String> why = text.flatMap(complaint);
    why.ifPresent(reason -> report(node, "'" + path + "': '" + text.get() + "' " + reason));
    return why.isPresent() ? Optional.empty() : text;
  }

  /**
   * Scalar text turned into a value by {@code parse}, whose IllegalArgumentException says why not.
   */
  <T> Optional<T> converted(Node node, String path, String expected, Function<String, T> parse) {
    Optional<String> text = scalar(node, path, expected);
    try {
      return text.map(parse);
    } catch (IllegalArgumentException e) {
      report(node, "'" + path + "': " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The text of any non-null scalar: strings, numbers and booleans exactly as written. */
  Optional<String> scalar(Node node, String path, String expected) {
    return node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)
        ? Optional.of(s.getValue())
        : wrongType(node, path, expected);
  }

  /** Reports a problem at the node's line; returns false so it can end a filter. */
  boolean report(Node at, String message) {
    return report(at.getStartMark().getLine() + 1, message);
  }

  boolean report(int line, String message) {
    problems.add(new Problem(file, line, message));
    return false;
  }

  /** Fails with every problem found, in line order, if there is any. */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingInt(Problem::line));
      throw new ConfigurationException(problems);
    }
  }

  private <T> Optional<T> wrongType(Node node, String path, String expected) {
    report(node, "'" + path + "' must be " + expected);
    return Optional.empty();
  }

  private boolean distinct(Node node, String path, String value, Set<String> seen) {
    return seen.add(value) || report(node, "'" + path + "': '" + value + "' is listed twice");
  }

  private static String bad(String path, String value, Form form) {
    return "'"
        + path
        + "': '"
        + value
        + "' is not "
        + form.one()
        + form.why().apply(value).map(why -> ": " + why).orElse("");
  }

  private static Function<String, String> fixedKeys(String prefix, List<String> keys) {
    String dot = prefix.isEmpty() ? "" : prefix + ".";
    return k ->
        keys.contains(k)
            ? null
            : "unknown key '" + dot + k + "'; expected one of: " + String.join(", ", keys);
  }

  private YamlSection fields(MappingNode map, String prefix, Function<String, String> complaint) {
    return YamlSection.of(map, prefix, complaint, (message, line) -> report(line, message));
  }
}
