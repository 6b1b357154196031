package dev.orchestrator.core.error;

import java.util.List;
import java.util.stream.Collectors;

/** The user's repository, descriptors, profiles or arguments are wrong; every problem is listed. */
public final class ConfigurationException extends OrchestratorException {
  private final List<Problem> problems;

  public ConfigurationException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public ConfigurationException(Problem problem) {
    this(List.of(problem));
  }

  public ConfigurationException(String message) {
    this(List.of(new Problem(null, 0, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
