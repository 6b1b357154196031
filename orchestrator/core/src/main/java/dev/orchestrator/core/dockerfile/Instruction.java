package dev.orchestrator.core.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An instruction split the way BuildKit splits it: the keyword (lower-cased, since keywords are
 * case-insensitive), the leading {@code --flag} words, and the rest of the line.
 */
record Instruction(String keyword, List<String> flags, String args, int line) {
  // Go's regexp "[\t\v\f\r ]+" from BuildKit's splitCommand.
  private static final Pattern WHITESPACE = Pattern.compile("[\\t\\x0B\\f\\r ]+");

  Instruction {
    flags = List.copyOf(flags);
  }

  static Instruction split(LogicalLine logical) {
    String[] parts = WHITESPACE.split(logical.text().strip(), 2);
    String keyword = parts[0].toLowerCase(Locale.ROOT);
    if (parts.length < 2) {
      return new Instruction(keyword, List.of(), "", logical.line());
    }
    BuilderFlags.Extracted extracted = BuilderFlags.extract(parts[1]);
    return new Instruction(keyword, extracted.words(), extracted.rest(), logical.line());
  }

  /** The arguments split on whitespace, as BuildKit does for FROM. */
  List<String> whitespaceArgs() {
    String trimmed = args.strip();
    return trimmed.isEmpty() ? List.of() : List.of(WHITESPACE.split(trimmed));
  }
}
