package dev.orchestrator.core.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Dockerfile's text into instructions the way BuildKit's parser loop does: reads parser
 * directives, drops comments and blank lines, joins continuation lines (skipping comment and empty
 * lines inside them) and steps over heredoc bodies so they are never read as instructions.
 */
final class LineJoiner {
  private final List<String> lines;
  private final ParserDirectives directives = new ParserDirectives();
  private int next;

  private LineJoiner(String content) {
    this.lines = physicalLines(content);
  }

  record Result(ParserDirectives directives, List<LogicalLine> instructions) {}

  static Result read(String content) {
    LineJoiner joiner = new LineJoiner(content);
    List<LogicalLine> instructions = new ArrayList<>();
    LogicalLine instruction;
    while ((instruction = joiner.nextInstruction()) != null) {
      instructions.add(instruction);
    }
    return new Result(joiner.directives, List.copyOf(instructions));
  }

  private LogicalLine nextInstruction() {
    while (next < lines.size()) {
      int start = next + 1;
      String first = Chars.stripLeading(lines.get(next++));
      directives.offer(first, start);
      String text = isComment(first) ? "" : first;
      String joined = continued(text) ? joinContinuation(text) : text;
      if (!Chars.stripLeading(joined).isEmpty()) {
        for (Heredocs.Heredoc heredoc : Heredocs.in(joined)) {
          skipBody(heredoc, start);
        }
        return new LogicalLine(joined, start);
      }
    }
    return null;
  }

  private String joinContinuation(String first) {
    StringBuilder joined = new StringBuilder(withoutContinuation(first));
    while (next < lines.size()) {
      String line = lines.get(next++);
      directives.offer(line, next);
      if (isComment(line) || Chars.stripLeading(line).isEmpty()) {
        continue;
      }
      joined.append(withoutContinuation(line));
      if (!continued(line)) {
        break;
      }
    }
    return joined.toString();
  }

  private void skipBody(Heredocs.Heredoc heredoc, int start) {
    while (next < lines.size()) {
      String line = lines.get(next++);
      String candidate = heredoc.chomp() ? line.replaceFirst("^\t+", "") : line;
      if (candidate.equals(heredoc.name())) {
        return;
      }
    }
    throw new ParseFailure(
        start,
        "unterminated heredoc: expected a line '" + heredoc.name() + "' before the end of file");
  }

  private boolean continued(String line) {
    String trimmed = stripTrailingBlanks(line);
    return !trimmed.isEmpty() && trimmed.charAt(trimmed.length() - 1) == directives.escape();
  }

  private String withoutContinuation(String line) {
    if (!continued(line)) {
      return line;
    }
    String trimmed = stripTrailingBlanks(line);
    return trimmed.substring(0, trimmed.length() - 1);
  }

  // BuildKit's continuation pattern allows only spaces and tabs after the escape character.
  private static String stripTrailingBlanks(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    return line.substring(0, end);
  }

  private static boolean isComment(String line) {
    return Chars.stripLeading(line).startsWith("#");
  }

  /** Splits like Go's bufio.ScanLines: "\n" or "\r\n", no empty line after a final newline. */
  private static List<String> physicalLines(String content) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    List<String> result = new ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int newline = text.indexOf('\n', from);
      int end = newline < 0 ? text.length() : newline;
      String line = text.substring(from, end);
      result.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
      from = end + 1;
    }
    return result;
  }
}
