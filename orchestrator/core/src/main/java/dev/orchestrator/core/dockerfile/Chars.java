package dev.orchestrator.core.dockerfile;

/** Character classes shared by the lexers, matching Go's unicode.IsSpace that BuildKit uses. */
final class Chars {
  private Chars() {}

  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00a0' || c == '\u0085';
  }

  static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }
}
