package dev.orchestrator.core.config;

import dev.orchestrator.core.size.Budget;
import dev.orchestrator.core.size.ByteSize;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a size budget: one size for every platform, or a map of platform to size. */
final class Budgets {
  private static final String EXPECTED =
      "a size such as 150MB, or a map of platform to size such as {linux/amd64: 150MB}";
  private static final String SIZE = "a size such as 150MB, 120MiB, 1.2GB or 900B";

  private Budgets() {}

  static Optional<Budget> read(YamlNodes yaml, YamlSection in, String key) {
    return yaml.optional(
        in,
        key,
        (node, path) ->
            node instanceof MappingNode
                ? yaml.map(in, key, Form.PLATFORM, EXPECTED).map(sizes -> perPlatform(yaml, sizes))
                : size(yaml, node, path, EXPECTED).map(Budget::of));
  }

  private static Budget perPlatform(YamlNodes yaml, YamlSection sizes) {
    Map<String, ByteSize> perPlatform = new LinkedHashMap<>();
    for (String platform : sizes.entries().keySet()) {
      size(yaml, sizes.entries().get(platform), sizes.path(platform), SIZE)
          .ifPresent(s -> perPlatform.put(platform, s));
    }
    // No size for every platform: a platform left out of the map has no limit.
    return new Budget(null, perPlatform);
  }

  private static Optional<ByteSize> size(YamlNodes yaml, Node node, String path, String expected) {
    return yaml.converted(node, path, expected, Budgets::parse);
  }

  private static ByteSize parse(String text) {
    try {
      return ByteSize.parse(text);
    } catch (ArithmeticException e) {
      // ByteSize.parse reports sizes beyond a long this way rather than as a bad argument.
      throw new IllegalArgumentException("'" + text + "' is too large for a size", e);
    }
  }
}
