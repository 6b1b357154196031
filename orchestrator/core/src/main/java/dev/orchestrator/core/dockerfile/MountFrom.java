package dev.orchestrator.core.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code from=} of a {@code RUN --mount=...} value, a CSV list of key=value fields in any
 * order ({@code type=bind,from=x} or {@code from=x,type=cache}).
 */
final class MountFrom {
  private static final Set<String> TYPES = Set.of("bind", "cache", "tmpfs", "secret", "ssh");
  private static final Set<String> BOOLEAN_FIELDS =
      Set.of("ro", "readonly", "rw", "readwrite", "required");

  private MountFrom() {}

  /** The unexpanded from= value, if the mount has one. */
  static Optional<String> of(String mount, int line) {
    Optional<String> from = Optional.empty();
    for (String field : csvFields(mount, line)) {
      int equals = field.indexOf('=');
      String key = (equals < 0 ? field : field.substring(0, equals)).toLowerCase(Locale.ROOT);
      String value = equals < 0 ? "" : field.substring(equals + 1);
      if (equals < 0 && !BOOLEAN_FIELDS.contains(key)) {
        throw new ParseFailure(line, "--mount field '" + field + "' must be key=value");
      }
      if (key.equals("type") && !TYPES.contains(value.toLowerCase(Locale.ROOT))) {
        throw new ParseFailure(
            line, "--mount type '" + value + "' is not one of bind, cache, tmpfs, secret, ssh");
      }
      if (key.equals("from")) {
        from = Optional.of(value);
      }
    }
    return from;
  }

  /** One CSV record as Go's encoding/csv reads it: quoted fields, "" for a literal quote. */
  private static List<String> csvFields(String text, int line) {
    List<String> fields = new ArrayList<>();
    int pos = 0;
    do {
      StringBuilder field = new StringBuilder();
      if (pos < text.length() && text.charAt(pos) == '"') {
        pos = quotedField(text, pos + 1, field, line);
      } else {
        int comma = text.indexOf(',', pos);
        int end = comma < 0 ? text.length() : comma;
        field.append(text, pos, end);
        if (field.indexOf("\"") >= 0) {
          throw new ParseFailure(line, "--mount value has a stray quote: " + text);
        }
        pos = end;
      }
      fields.add(field.toString());
    } while (pos++ < text.length());
    return fields;
  }

  private static int quotedField(String text, int pos, StringBuilder field, int line) {
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c != '"') {
        field.append(c);
      } else if (pos < text.length() && text.charAt(pos) == '"') {
        field.append('"');
        pos++;
      } else if (pos == text.length() || text.charAt(pos) == ',') {
        return pos;
      } else {
        throw new ParseFailure(line, "--mount value has text after a closing quote: " + text);
      }
    }
    throw new ParseFailure(line, "--mount value has an unterminated quote: " + text);
  }
}
