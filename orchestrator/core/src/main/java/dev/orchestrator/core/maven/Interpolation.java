package dev.orchestrator.core.maven;

import java.util.Map;

/** {@code ${name}} references replaced from a property map; unknown ones are left as written. */
final class Interpolation {
  private static final int MAX_DEPTH = 10;

  private Interpolation() {}

  static String apply(String text, Map<String, String> properties) {
    if (text == null) {
      return null;
    }
    String result = text;
    // A property may name another; a bounded number of passes also stops self-references.
    for (int pass = 0; pass < MAX_DEPTH && result.contains("${"); pass++) {
      String next = once(result, properties);
      if (next.equals(result)) {
        break;
      }
      result = next;
    }
    return result;
  }

  private static String once(String text, Map<String, String> properties) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("${", i);
      int end = start < 0 ? -1 : text.indexOf('}', start);
      if (start < 0 || end < 0) {
        out.append(text, i, text.length());
        break;
      }
      String value = properties.get(text.substring(start + 2, end));
      out.append(text, i, start).append(value != null ? value : text.substring(start, end + 1));
      i = end + 1;
    }
    return out.toString();
  }
}
