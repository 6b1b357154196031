package dev.orchestrator.core.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --name=value} flags that may follow an instruction keyword. Extraction follows
 * BuildKit's extractBuilderFlags: flags end at the first word not starting with "--" (or at a lone
 * "--"), and quotes inside a flag word are removed.
 */
final class BuilderFlags {
  private final Map<String, List<String>> values;

  private BuilderFlags(Map<String, List<String>> values) {
    this.values = values;
  }

  record Extracted(List<String> words, String rest) {}

  static Extracted extract(String line) {
    List<String> words = new ArrayList<>();
    int pos = 0;
    while (true) {
      while (pos < line.length() && Chars.isSpace(line.charAt(pos))) {
        pos++;
      }
      if (!line.startsWith("--", pos)) {
        return new Extracted(words, line.substring(pos));
      }
      StringBuilder word = new StringBuilder();
      char quote = 0;
      while (pos < line.length() && (quote != 0 || !Chars.isSpace(line.charAt(pos)))) {
        char c = line.charAt(pos++);
        if (c == '\\' && pos < line.length()) {
          word.append(line.charAt(pos++));
        } else if (c == '\\') {
          continue; // BuildKit drops a trailing backslash
        } else if (quote == 0 && (c == '\'' || c == '"')) {
          quote = c;
        } else if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      }
      if (word.toString().equals("--")) {
        return new Extracted(words, line.substring(pos));
      }
      words.add(word.toString());
    }
  }

  /**
   * Checks the words against what the instruction accepts. Unknown flags are errors, as in
   * BuildKit: a typo such as {@code --form=build} would otherwise silently lose a dependency.
   */
  static BuilderFlags parse(Instruction instruction) {
    FlagSpec spec = FlagSpec.of(instruction.keyword());
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String word : instruction.flags()) {
      int equals = word.indexOf('=');
      String name = word.substring(2, equals < 0 ? word.length() : equals);
      String value = equals < 0 ? null : word.substring(equals + 1);
      String where = instruction.keyword().toUpperCase(java.util.Locale.ROOT) + " flag --" + name;
      if (!spec.values().contains(name) && !spec.booleans().contains(name)) {
        throw new ParseFailure(
            instruction.line(), "unknown " + where + "; expected one of " + spec);
      }
      if (values.containsKey(name) && !spec.repeatable().contains(name)) {
        throw new ParseFailure(instruction.line(), where + " is given more than once");
      }
      if (spec.values().contains(name) && value == null) {
        throw new ParseFailure(instruction.line(), where + " needs a value: --" + name + "=...");
      }
      if (spec.booleans().contains(name) && value != null && !value.matches("true|false")) {
        throw new ParseFailure(
            instruction.line(), where + " expects true or false, not '" + value + "'");
      }
      values.computeIfAbsent(name, key -> new ArrayList<>()).add(value == null ? "true" : value);
    }
    return new BuilderFlags(values);
  }

  Optional<String> single(String name) {
    return all(name).stream().findFirst();
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }
}
