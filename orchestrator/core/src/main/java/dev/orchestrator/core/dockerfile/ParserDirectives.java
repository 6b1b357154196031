package dev.orchestrator.core.dockerfile;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code # key=value} directives at the top of a Dockerfile. Like BuildKit, it stops looking at
 * the first line that is not a known directive (an instruction, a blank line, an ordinary comment
 * or an unknown directive), so a later {@code # escape=`} is only a comment.
 */
final class ParserDirectives {
  // DOTALL: Go's "." (BuildKit) matches a stray '\r', Java's does not by default.
  private static final Pattern DIRECTIVE =
      Pattern.compile("#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*", Pattern.DOTALL);
  private static final Set<String> KNOWN = Set.of("syntax", "escape", "check");

  private final Set<String> seen = new HashSet<>();
  private boolean done;
  private char escape = '\\';
  private String syntax;

  /** Looks at one physical line; harmless once the directives are over. */
  void offer(String line, int lineNumber) {
    if (done) {
      return;
    }
    Matcher m = DIRECTIVE.matcher(line);
    String key = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    if (!KNOWN.contains(key)) {
      done = true;
      return;
    }
    if (!seen.add(key)) {
      throw new ParseFailure(lineNumber, "only one '" + key + "' parser directive can be used");
    }
    String value = m.group(2);
    if (key.equals("escape")) {
      escape = escapeToken(value, lineNumber);
    } else if (key.equals("syntax")) {
      syntax = value;
    }
    // "check" configures build checks (linting); it has no bearing on dependencies.
  }

  char escape() {
    return escape;
  }

  Optional<String> syntax() {
    return Optional.ofNullable(syntax);
  }

  private static char escapeToken(String value, int lineNumber) {
    if (!value.equals("\\") && !value.equals("`")) {
      throw new ParseFailure(lineNumber, "invalid escape token '" + value + "': expected ` or \\");
    }
    return value.charAt(0);
  }
}
