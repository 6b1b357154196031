package dev.orchestrator.core.dockerfile;

import java.util.regex.Pattern;

/**
 * The {@code ${VAR#glob}}, {@code ##}, {@code %} and {@code %%} forms: remove the shortest (or
 * longest) prefix or suffix matching a glob with {@code *} and {@code ?}.
 */
final class GlobTrim {
  private GlobTrim() {}

  /**
   * @param op '#' for a prefix, '%' for a suffix
   * @param word the pattern as written after op; a second op character asks for the longest match
   */
  static String trim(String value, char op, String word, char escape) {
    boolean longest = !word.isEmpty() && word.charAt(0) == op;
    Pattern glob = toRegex(longest ? word.substring(1) : word, escape);
    int n = value.length();
    for (int i = 0; i <= n; i++) {
      int length = longest ? n - i : i;
      String part = op == '#' ? value.substring(0, length) : value.substring(n - length);
      if (glob.matcher(part).matches()) {
        return op == '#' ? value.substring(length) : value.substring(0, n - length);
      }
    }
    return value;
  }

  private static Pattern toRegex(String glob, char escape) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == escape && i + 1 < glob.length()) {
        regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
