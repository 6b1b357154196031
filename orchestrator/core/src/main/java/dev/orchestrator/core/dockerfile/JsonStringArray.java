package dev.orchestrator.core.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recognises the exec (JSON) form, {@code ["sh", "-c", "..."]}. Like BuildKit, anything that is not
 * a valid JSON array of strings is shell form rather than an error.
 */
final class JsonStringArray {
  private final String text;
  private int pos;

  private JsonStringArray(String text) {
    this.text = text;
  }

  static Optional<List<String>> parse(String args) {
    if (!args.startsWith("[")) {
      return Optional.empty();
    }
    return new JsonStringArray(args).array();
  }

  private Optional<List<String>> array() {
    List<String> items = new ArrayList<>();
    pos = 1;
    skipBlanks();
    if (accept(']')) {
      return endOfInput() ? Optional.of(items) : Optional.empty();
    }
    do {
      skipBlanks();
      String item = string();
      if (item == null) {
        return Optional.empty();
      }
      items.add(item);
      skipBlanks();
    } while (accept(','));
    return accept(']') && endOfInput() ? Optional.of(items) : Optional.empty();
  }

  private String string() {
    if (!accept('"')) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      } else if (c < 0x20) {
        return null;
      } else if (c != '\\') {
        out.append(c);
      } else if (!escape(out)) {
        return null;
      }
    }
    return null;
  }

  private boolean escape(StringBuilder out) {
    if (pos >= text.length()) {
      return false;
    }
    char c = text.charAt(pos++);
    int simple = "\"\\/bfnrt".indexOf(c);
    if (simple >= 0) {
      out.append("\"\\/\b\f\n\r\t".charAt(simple));
      return true;
    }
    if (c != 'u'
        || pos + 4 > text.length()
        || !text.substring(pos, pos + 4).matches("\\p{XDigit}{4}")) {
      return false;
    }
    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
    pos += 4;
    return true;
  }

  private boolean accept(char c) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void skipBlanks() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private boolean endOfInput() {
    skipBlanks();
    return pos == text.length();
  }
}
