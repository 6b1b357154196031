package dev.orchestrator.core.dockerfile;

import dev.orchestrator.core.error.Problem;
import java.nio.file.Path;

/**
 * One thing wrong at one line. Internal: the parser collects these and reports them all at once as
 * a {@link dev.orchestrator.core.error.ConfigurationException}.
 */
final class ParseFailure extends RuntimeException {
  private final int line;

  ParseFailure(int line, String message) {
    super(message, null, false, false);
    this.line = line;
  }

  int line() {
    return line;
  }

  Problem toProblem(Path file) {
    return new Problem(file, line, getMessage());
  }
}
