package dev.orchestrator.core.error;

import java.nio.file.Path;

/**
 * One thing wrong with the user's input: which file, which line (1-based, 0 when the whole file is
 * concerned), and what was expected.
 */
public record Problem(Path file, int line, String message) {

  public static Problem inFile(Path file, String message) {
    return new Problem(file, 0, message);
  }

  @Override
  public String toString() {
    String where = file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ";
    return where + message;
  }
}
