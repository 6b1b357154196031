package dev.orchestrator.core.hash;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} as BuildKit reads and applies it (moby/patternmatcher and
 * tonistiigi/fsutil): lines starting with {@code #} are comments, blank lines are skipped, a
 * leading {@code !} makes an exception, each pattern is cleaned like Go's {@code path.Clean} and
 * loses a leading {@code /}. {@code *} and {@code ?} never cross {@code /}, {@code **} crosses any
 * number of folders, and the last pattern that matches a path (or one of its parent folders)
 * decides.
 */
public final class DockerIgnore {
  /** No file is ignored. */
  public static final DockerIgnore NONE = new DockerIgnore(List.of());

  private static final String PATTERN_CHARS = "*[]?^\\";

  private final List<Rule> rules;
  private final boolean hasExceptions;
  private final boolean onlyPrefixExceptions;

  private DockerIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.hasExceptions = rules.stream().anyMatch(r -> r.exception);
    this.onlyPrefixExceptions =
        rules.stream()
            .filter(r -> r.exception)
            .noneMatch(r -> containsAny(withoutTrailingGlob(r.pattern), PATTERN_CHARS));
  }

  /** Reads the text of a {@code .dockerignore} file. */
  public static DockerIgnore parse(String text) {
    List<String> patterns = new ArrayList<>();
    boolean first = true;
    for (String line : text.split("\r?\n", -1)) {
      if (first && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      first = false;
      if (line.startsWith("#")) {
        continue;
      }
      String pattern = line.strip();
      if (pattern.isEmpty()) {
        continue;
      }
      boolean invert = pattern.charAt(0) == '!';
      if (invert) {
        pattern = pattern.substring(1).strip();
      }
      if (!pattern.isEmpty()) {
        pattern = GoPaths.clean(pattern);
        if (pattern.length() > 1 && pattern.charAt(0) == '/') {
          pattern = pattern.substring(1);
        }
      }
      patterns.add(invert ? "!" + pattern : pattern);
    }
    return of(patterns);
  }

  /** Patterns as BuildKit's pattern matcher takes them (already read from a file). */
  public static DockerIgnore of(List<String> patterns) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : patterns) {
      String p = raw.strip();
      if (p.isEmpty()) {
        continue;
      }
      p = GoPaths.clean(p);
      boolean exception = p.charAt(0) == '!';
      if (exception) {
        if (p.length() == 1) {
          throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
        }
        p = p.substring(1);
      }
      rules.add(new Rule(p, exception, Compiled.of(p)));
    }
    return new DockerIgnore(rules);
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** The patterns in file order, exceptions with their {@code !}. */
  public List<String> patterns() {
    return rules.stream().map(r -> r.exception ? "!" + r.pattern : r.pattern).toList();
  }

  /**
   * Whether a path (slash-separated, relative to the context root) is left out of the context,
   * judging every parent folder too: BuildKit's {@code MatchesOrParentMatches}.
   */
  public boolean excludes(String path) {
    String file = GoPaths.clean(path);
    if (file.equals(".")) {
      return false;
    }
    Match parent = null;
    String[] parts = file.split("/");
    StringBuilder prefix = new StringBuilder();
    Match m = null;
    for (String part : parts) {
      if (prefix.length() > 0) {
        prefix.append('/');
      }
      prefix.append(part);
      m = match(prefix.toString(), parent);
      parent = m;
    }
    return m.excluded();
  }

  /**
   * One step of a walk: the verdict for {@code path} given its parent folder's match (null at the
   * top). Keep the result of a folder to pass to its children.
   */
  public Match match(String path, Match parent) {
    boolean[] matchedBy = new boolean[rules.size()];
    boolean matched = false;
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      boolean m = parent != null && parent.matchedBy[i];
      if (!m) {
        // An inclusion cannot add to a match, nor an exception undo a non-match.
        if (rule.exception != matched) {
          continue;
        }
        m = rule.compiled.matches(path);
      }
      matchedBy[i] = m;
      if (m) {
        matched = !rule.exception;
      }
    }
    return new Match(matched, matchedBy);
  }

  /**
   * Whether the walk must still look inside an excluded folder, because an exception might bring
   * back something in it (fsutil's rule: any wildcard exception, or an exception below it).
   */
  public boolean mustDescend(String excludedDirectory) {
    if (!hasExceptions) {
      return false;
    }
    if (!onlyPrefixExceptions) {
      return true;
    }
    String dirSlash = excludedDirectory + "/";
    return rules.stream()
        .filter(r -> r.exception)
        .anyMatch(r -> (withoutTrailingGlob(r.pattern) + "/").startsWith(dirSlash));
  }

  /** A path's verdict, and which rules matched it or a parent (for its children). */
  public static final class Match {
    private final boolean excluded;
    private final boolean[] matchedBy;

    private Match(boolean excluded, boolean[] matchedBy) {
      this.excluded = excluded;
      this.matchedBy = matchedBy;
    }

    public boolean excluded() {
      return excluded;
    }
  }

  private record Rule(String pattern, boolean exception, Compiled compiled) {}

  private static String withoutTrailingGlob(String p) {
    if (p.endsWith("/**")) {
      p = p.substring(0, p.length() - 3);
    }
    if (p.endsWith("/*")) {
      p = p.substring(0, p.length() - 2);
    }
    return p;
  }

  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** One pattern translated as patternmatcher compiles it: exact, prefix, suffix or regexp. */
  private record Compiled(Kind kind, String text, Pattern regex) {
    enum Kind {
      EXACT,
      PREFIX,
      SUFFIX,
      REGEX
    }

    private static final String ESCAPED = ".+()|{}$";

    static Compiled of(String pattern) {
      StringBuilder re = new StringBuilder("^");
      Kind kind = Kind.EXACT;
      int[] cps = pattern.codePoints().toArray();
      for (int i = 0; i < cps.length; i++) {
        int ch = cps[i];
        if (ch == '*') {
          if (i + 1 < cps.length && cps[i + 1] == '*') {
            int start = i;
            i++;
            if (i + 1 < cps.length && cps[i + 1] == '/') {
              i++;
            }
            if (i + 1 >= cps.length) {
              if (kind == Kind.EXACT) {
                kind = Kind.PREFIX;
              } else {
                re.append(".*");
                kind = Kind.REGEX;
              }
            } else {
              re.append("(.*/)?");
              kind = Kind.REGEX;
            }
            if (start == 0) {
              kind = Kind.SUFFIX;
            }
          } else {
            re.append("[^/]*");
            kind = Kind.REGEX;
          }
        } else if (ch == '?') {
          re.append("[^/]");
          kind = Kind.REGEX;
        } else if (ch < 128 && ESCAPED.indexOf(ch) >= 0) {
          re.append('\\').appendCodePoint(ch);
        } else if (ch == '\\') {
          if (i + 1 < cps.length) {
            i++;
            re.append('\\').appendCodePoint(cps[i]);
            kind = Kind.REGEX;
          } else {
            re.append("\\\\");
          }
        } else if (ch == '[' || ch == ']') {
          re.appendCodePoint(ch);
          kind = Kind.REGEX;
        } else {
          // Go's regexp and Java's read the remaining characters alike (^ stays an anchor).
          re.appendCodePoint(ch);
        }
      }
      if (kind == Kind.REGEX) {
        re.append('$');
        return new Compiled(kind, pattern, Pattern.compile(re.toString()));
      }
      return new Compiled(kind, pattern, null);
    }

    boolean matches(String path) {
      switch (kind) {
        case EXACT:
          return path.equals(text);
        case PREFIX:
          return path.startsWith(text.substring(0, text.length() - 2));
        case SUFFIX:
          {
            String suffix = text.substring(2);
            if (path.endsWith(suffix)) {
              return true;
            }
            return !suffix.isEmpty() && suffix.charAt(0) == '/' && path.equals(suffix.substring(1));
          }
        default:
          return regex.matcher(path).matches();
      }
    }
  }
}
