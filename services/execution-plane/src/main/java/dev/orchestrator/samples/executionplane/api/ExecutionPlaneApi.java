package dev.orchestrator.samples.executionplane.api;

/** The execution plane's HTTP contract, shared by the execution plane and the agent. */
public final class ExecutionPlaneApi {

  /** The jobs the execution plane knows, as a list of {@link Job}. */
  public static final String JOBS = "/v1/jobs";

  /** Where the execution plane listens unless PORT says otherwise. */
  public static final int DEFAULT_PORT = 9000;

  private ExecutionPlaneApi() {}
}
