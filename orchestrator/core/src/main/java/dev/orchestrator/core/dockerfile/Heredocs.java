package dev.orchestrator.core.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the heredocs ({@code <<EOF}, {@code <<-EOF}, {@code <<"EOF"}) an instruction opens, so
 * their bodies can be skipped. As in BuildKit, only RUN, COPY and ADD in shell form (also behind
 * ONBUILD) open heredocs, and words are split with backslash escapes whatever the escape directive
 * says.
 */
final class Heredocs {
  private static final Set<String> OPENERS = Set.of("run", "copy", "add");
  private static final Pattern HEREDOC = Pattern.compile("(\\d*)<<(-?)([^<]*)", Pattern.DOTALL);

  /** A heredoc's terminator and whether leading tabs are stripped before comparing. */
  record Heredoc(String name, boolean chomp) {}

  private Heredocs() {}

  static List<Heredoc> in(String line) {
    if (!line.contains("<<") || !canOpenHeredoc(line)) {
      return List.of();
    }
    List<Heredoc> heredocs = new ArrayList<>();
    for (String word : rawWords(line)) {
      Matcher m = HEREDOC.matcher(word);
      if (m.matches() && !m.group(3).isEmpty()) {
        heredocs.add(new Heredoc(unquote(m.group(3)), m.group(2).equals("-")));
      }
    }
    return heredocs;
  }

  private static boolean canOpenHeredoc(String line) {
    Instruction instruction = Instruction.split(new LogicalLine(line, 0));
    if (instruction.keyword().equals("onbuild")) {
      instruction = Instruction.split(new LogicalLine(instruction.args(), 0));
    }
    return OPENERS.contains(instruction.keyword())
        && JsonStringArray.parse(instruction.args()).isEmpty();
  }

  /** Splits on blanks outside quotes, keeping quotes and escapes in the words. */
  private static List<String> rawWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == 0 && Chars.isSpace(c)) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
        continue;
      }
      word.append(c);
      if (c == '\\' && quote != '\'' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  /** The terminator is the word with its quotes removed: {@code "EOF"} ends at a line EOF. */
  private static String unquote(String word) {
    StringBuilder name = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '\\' && quote != '\'' && i + 1 < word.length()) {
        name.append(word.charAt(++i));
      } else if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      } else {
        name.append(c);
      }
    }
    return name.toString();
  }
}
