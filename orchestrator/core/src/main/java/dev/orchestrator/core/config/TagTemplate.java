package dev.orchestrator.core.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tag with placeholders, as a profile's {@code mergeTags} lists them: {@code latest}, {@code
 * sha-{shortSha}}, {@code {branch}}, {@code {major}.{minor}}. A tag whose placeholders are not all
 * known for this commit (no {@code {version}} off a release tag) is left out, not an error.
 */
public final class TagTemplate {
  /** The placeholders, in the order messages list them. */
  public static final List<String> PLACEHOLDERS =
      List.of("sha", "shortSha", "branch", "version", "major", "minor", "patch", "tag");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_.-]*");

  private TagTemplate() {}

  /** Why {@code template} is not a valid template, or empty when it is. */
  public static Optional<String> complaint(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder literal = new StringBuilder();
    int last = 0;
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        return Optional.of(
            "uses an unknown placeholder {"
                + m.group(1)
                + "}; known: {"
                + String.join("}, {", PLACEHOLDERS)
                + "}");
      }
      literal.append(template, last, m.start());
      last = m.end();
    }
    literal.append(template.substring(last));
    if (template.isEmpty()
        || template.length() > 128
        || !LITERAL.matcher(literal).matches()
        || template.startsWith(".")
        || template.startsWith("-")) {
      return Optional.of(
          "is not a tag template such as latest, sha-{shortSha} or {major}.{minor}"
              + " (letters, digits, '_', '.', '-' and placeholders)");
    }
    return Optional.empty();
  }

  /**
   * The tag for these placeholder values, or empty when one it uses has no value.
   *
   * @param values placeholder name to value; values are already valid in a tag
   */
  public static Optional<String> expand(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null || value.isEmpty()) {
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }
}
