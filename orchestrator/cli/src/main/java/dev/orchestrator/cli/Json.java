package dev.orchestrator.cli;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A small JSON writer for the CLI's output contract: maps (in their own order), collections,
 * strings, numbers, booleans, Optional and null. Kept here so that `plan --json` loads no JSON
 * library at start-up.
 */
final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "");
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, String indent) {
    if (value instanceof Optional<?> optional) {
      write(optional.orElse(null), out, indent);
    } else if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      container(
          map.entrySet(),
          '{',
          '}',
          out,
          indent,
          (e, inner) -> {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) e;
            string(String.valueOf(entry.getKey()), out);
            out.append(": ");
            write(entry.getValue(), out, inner);
          });
    } else if (value instanceof Collection<?> list) {
      container(list, '[', ']', out, indent, (item, inner) -> write(item, out, inner));
    } else {
      string(value.toString(), out);
    }
  }

  private interface Element {
    void write(Object item, String indent);
  }

  private static void container(
      Collection<?> items,
      char open,
      char close,
      StringBuilder out,
      String indent,
      Element element) {
    if (items.isEmpty()) {
      out.append(open).append(close);
      return;
    }
    String inner = indent + "  ";
    out.append(open).append('\n');
    int i = 0;
    for (Object item : items) {
      out.append(inner);
      element.write(item, inner);
      out.append(++i < items.size() ? ",\n" : "\n");
    }
    out.append(indent).append(close);
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
