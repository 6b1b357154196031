package dev.orchestrator.core.lint;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.result.Verdict;
import java.util.List;

/**
 * What lint found in the services it looked at.
 *
 * @param services the services linted, sorted
 * @param findings every finding not ignored, by service, file and line
 * @param ignored the findings a service's {@code lint: {ignore: [...]}} left out, counted apart
 * @param warningsAsErrors whether the profile made warnings errors
 */
public record LintReport(
    List<String> services,
    List<Finding> findings,
    List<Finding> ignored,
    boolean warningsAsErrors) {

  public LintReport {
    services = List.copyOf(services);
    findings = List.copyOf(findings);
    ignored = List.copyOf(ignored);
  }

  public List<Finding> errors() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  public List<Finding> warnings() {
    return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
  }

  /** An error is bad configuration (exit 3); warnings alone are not. */
  public Verdict verdict() {
    return errors().isEmpty() ? Verdict.OK : Verdict.BAD_CONFIGURATION;
  }

  /**
   * Fails as bad configuration, one problem per error with its file, line, rule and fix, when there
   * is an error: what a build does before anything builds.
   */
  public void throwIfErrors() {
    List<Problem> problems =
        errors().stream()
            .map(
                f ->
                    new Problem(
                        f.file(),
                        f.line(),
                        (f.rule().severity() == Severity.ERROR
                                ? "lint error: "
                                : "lint warning (an error by the profile's"
                                    + " lint.warnings-as-errors): ")
                            + f.service()
                            + ": "
                            + f.summary()))
            .toList();
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }
}
