package dev.orchestrator.core.error;

/** The machine lacks something the build needs: no engine, no buildx, no containerd store. */
public final class EnvironmentException extends OrchestratorException {
  private final String remedy;

  public EnvironmentException(String message, String remedy) {
    super(message);
    this.remedy = remedy;
  }

  public EnvironmentException(String message, String remedy, Throwable cause) {
    super(message, cause);
    this.remedy = remedy;
  }

  /** What the user can do about it, for example "run `make engine`". */
  public String remedy() {
    return remedy;
  }
}
