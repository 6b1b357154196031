package dev.orchestrator.samples.executionplane;

import dev.orchestrator.samples.controlplane.api.ControlPlaneApi;
import dev.orchestrator.samples.controlplane.api.Status;
import dev.orchestrator.samples.executionplane.api.ExecutionPlaneApi;
import dev.orchestrator.samples.executionplane.api.Job;
import dev.orchestrator.samples.kit.Json;
import dev.orchestrator.samples.kit.ServiceApp;
import java.time.Instant;
import java.util.List;

/** The execution plane: holds the jobs that agents run. */
public final class Main {

  private static final List<Job> JOBS =
      List.of(
          new Job("job-1", "reindex --all", Job.State.DONE),
          new Job("job-2", "sync github", Job.State.RUNNING),
          new Job("job-3", "compact", Job.State.QUEUED));

  private Main() {}

  public static void main(String[] args) {
    Instant start = Instant.now();
    ServiceApp.named("execution-plane", ExecutionPlaneApi.DEFAULT_PORT)
        .get(ControlPlaneApi.STATUS, q -> Status.of("execution-plane", Main.class, start).toMap())
        .get(
            ExecutionPlaneApi.JOBS,
            query -> Json.object("jobs", JOBS.stream().map(Job::toMap).toList()))
        .main(args);
  }
}
