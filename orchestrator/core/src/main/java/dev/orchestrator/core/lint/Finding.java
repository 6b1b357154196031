package dev.orchestrator.core.lint;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One rule broken by one service, at one line.
 *
 * @param service the service whose image breaks it
 * @param severity the rule's, or error when the profile makes warnings errors
 * @param file the Dockerfile, relative to the repository root
 * @param line 1-based line of the instruction concerned
 * @param message what is wrong, naming the instruction's values
 */
public record Finding(
    String service, Rule rule, Severity severity, Path file, int line, String message) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
  }

  /** The file as a URI reference relative to the repository root, with forward slashes. */
  public String uri() {
    return file.toString().replace('\\', '/');
  }

  /** {@code services/app/Dockerfile:3}. */
  public String where() {
    return uri() + ":" + line;
  }

  /** The message, the rule's id and its fix, in one line: {@code ... [no-user]; fix: ...}. */
  public String summary() {
    return message + " [" + rule.id() + "]; fix: " + rule.fix();
  }

  /** A finding as a check makes it: the linter adds the service, file and severity. */
  record Draft(Rule rule, int line, String message) {}
}
