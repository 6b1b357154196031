package dev.orchestrator.core.error;

/**
 * The few ways the orchestrator fails before or outside a build. A failed service build is not an
 * exception: it is data in the build report.
 */
public abstract sealed class OrchestratorException extends RuntimeException
    permits ConfigurationException, EnvironmentException, OrchestratorBug {

  protected OrchestratorException(String message) {
    super(message);
  }

  protected OrchestratorException(String message, Throwable cause) {
    super(message, cause);
  }
}
