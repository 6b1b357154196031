package dev.orchestrator.core.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code name[=value]} words of ARG and ENV, split as BuildKit's parseWords does: on blanks
 * outside quotes, keeping quotes and escapes so the value can be expanded afterwards.
 */
final class KeyValueWords {
  private KeyValueWords() {}

  /** A name and its raw, unexpanded value; no value for {@code ARG name}. */
  record KeyValue(String key, Optional<String> rawValue) {}

  static List<KeyValue> arg(Instruction instruction, char escape) {
    List<KeyValue> pairs = new ArrayList<>();
    for (String word : words(instruction.args(), escape)) {
      int equals = word.indexOf('=');
      pairs.add(
          equals < 0
              ? new KeyValue(word, Optional.empty())
              : new KeyValue(word.substring(0, equals), Optional.of(word.substring(equals + 1))));
    }
    return checked(pairs, instruction);
  }

  /** ENV also has the legacy form {@code ENV NAME the rest of the line}. */
  static List<KeyValue> env(Instruction instruction, char escape) {
    List<String> words = words(instruction.args(), escape);
    if (!words.isEmpty() && !words.get(0).contains("=")) {
      String[] legacy = instruction.args().strip().split("[\\t\\x0B\\f\\r ]+", 2);
      if (legacy.length < 2) {
        throw new ParseFailure(instruction.line(), "ENV " + legacy[0] + " needs a value");
      }
      return List.of(new KeyValue(legacy[0], Optional.of(legacy[1])));
    }
    for (String word : words) {
      if (!word.contains("=")) {
        throw new ParseFailure(
            instruction.line(), "ENV expects name=value pairs, found '" + word + "'");
      }
    }
    return arg(instruction, escape);
  }

  private static List<KeyValue> checked(List<KeyValue> pairs, Instruction instruction) {
    String keyword = instruction.keyword().toUpperCase(java.util.Locale.ROOT);
    if (pairs.isEmpty()) {
      throw new ParseFailure(instruction.line(), keyword + " needs at least one name[=value]");
    }
    for (KeyValue pair : pairs) {
      if (pair.key().isEmpty()) {
        throw new ParseFailure(instruction.line(), keyword + " has a value without a name");
      }
    }
    return pairs;
  }

  static List<String> words(String text, char escape) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == 0 && Chars.isSpace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      if (c == escape && quote != '\'') {
        if (i + 1 < text.length()) {
          word.append(c).append(text.charAt(++i));
        }
        continue;
      }
      word.append(c);
      if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
