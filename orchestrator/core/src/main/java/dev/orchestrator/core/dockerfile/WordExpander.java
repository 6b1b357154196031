package dev.orchestrator.core.dockerfile;

import java.util.Map;

/**
 * Expands one word the way BuildKit's shell lexer does for FROM, ARG and flag values: removes
 * quotes, honours the escape character, and substitutes {@code $VAR}, {@code ${VAR}} and the {@code
 * -}, {@code :-}, {@code +}, {@code :+}, {@code ?}, {@code :?}, {@code #}, {@code ##}, {@code %},
 * {@code %%} forms. Variables missing from the map are unset and expand to "".
 */
final class WordExpander {
  // Deeply nested ${a:-${b:-...}} in garbled input must fail cleanly, not overflow the stack.
  private static final int MAX_DEPTH = 64;
  private static final char END = 0;

  private final String text;
  private final char escape;
  private final Map<String, String> variables;
  private final int line;
  private int pos;
  private int depth;

  private WordExpander(String text, char escape, Map<String, String> variables, int line) {
    this.text = text;
    this.escape = escape;
    this.variables = variables;
    this.line = line;
  }

  static String expand(String word, char escape, Map<String, String> variables, int line) {
    return new WordExpander(word, escape, variables, line).until(END, false);
  }

  /** Reads up to {@code stop} (consumed) or the end; raw keeps escapes for glob patterns. */
  private String until(char stop, boolean raw) {
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (stop != END && c == stop) {
        pos++;
        return out.toString();
      }
      if (c == '\'') {
        out.append(singleQuoted());
      } else if (c == '"') {
        out.append(doubleQuoted());
      } else if (c == '$') {
        out.append(dollar());
      } else if (c == escape) {
        pos++;
        if (raw) {
          out.append(c);
        }
        if (pos < text.length()) {
          out.append(text.charAt(pos++));
        }
      } else {
        out.append(c);
        pos++;
      }
    }
    if (stop != END) {
      throw failure("missing '" + stop + "'");
    }
    return out.toString();
  }

  private String singleQuoted() {
    int close = text.indexOf('\'', pos + 1);
    if (close < 0) {
      throw failure("unterminated single quote");
    }
    String quoted = text.substring(pos + 1, close);
    pos = close + 1;
    return quoted;
  }

  private String doubleQuoted() {
    StringBuilder out = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toString();
      }
      if (c == '$') {
        out.append(dollar());
        continue;
      }
      pos++;
      // Inside double quotes only ", $ and the escape character itself can be escaped.
      if (c == escape && pos < text.length() && isEscapableInDoubleQuotes(text.charAt(pos))) {
        c = text.charAt(pos++);
      }
      out.append(c);
    }
    throw failure("unterminated double quote");
  }

  private boolean isEscapableInDoubleQuotes(char c) {
    return c == '"' || c == '$' || c == escape;
  }

  private String dollar() {
    pos++;
    if (pos >= text.length() || text.charAt(pos) != '{') {
      String name = name();
      return name.isEmpty() ? "$" : variables.getOrDefault(name, "");
    }
    pos++;
    if (pos >= text.length() || "{}:".indexOf(text.charAt(pos)) >= 0) {
      throw failure(pos >= text.length() ? "missing '}'" : "bad substitution");
    }
    String name = name();
    if (pos >= text.length()) {
      throw failure("missing '}'");
    }
    char op = text.charAt(pos++);
    if (op == '}') {
      return variables.getOrDefault(name, "");
    }
    boolean colon = op == ':';
    if (colon) {
      op = pos < text.length() ? text.charAt(pos++) : END;
    }
    if ("-+?".indexOf(op) < 0 && (colon || "#%".indexOf(op) < 0) || op == END) {
      throw failure("unsupported modifier (" + (colon ? ":" : "") + op + ") in ${" + name + "}");
    }
    return modified(name, op, colon);
  }

  private String modified(String name, char op, boolean colon) {
    if (++depth > MAX_DEPTH) {
      throw failure("variable substitutions nested too deeply");
    }
    String word = until('}', op == '#' || op == '%');
    depth--;
    String value = variables.get(name);
    boolean set = value != null && !(colon && value.isEmpty());
    return switch (op) {
      case '-' -> set ? value : word;
      case '+' -> set ? word : "";
      case '?' -> {
        if (!set) {
          throw failure(name + ": " + (word.isEmpty() ? "must be set" : word));
        }
        yield value;
      }
      default -> GlobTrim.trim(value == null ? "" : value, op, word, escape);
    };
  }

  /** A name is letters, digits and '_', a run of digits, or one special parameter character. */
  private String name() {
    int start = pos;
    if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
    } else if (pos < text.length() && "*#@?-$!0".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    } else {
      while (pos < text.length()
          && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
    }
    return text.substring(start, pos);
  }

  private ParseFailure failure(String what) {
    return new ParseFailure(line, "cannot substitute variables in '" + text + "': " + what);
  }
}
