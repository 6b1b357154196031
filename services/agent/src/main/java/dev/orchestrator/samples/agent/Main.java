package dev.orchestrator.samples.agent;

import dev.orchestrator.samples.controlplane.api.ControlPlaneApi;
import dev.orchestrator.samples.controlplane.api.Status;
import dev.orchestrator.samples.executionplane.api.Job;
import dev.orchestrator.samples.kit.ServiceApp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** The agent: reports to the control plane and claims jobs of the execution plane. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Instant start = Instant.now();
    AtomicInteger claimed = new AtomicInteger();
    ServiceApp.named("agent", 9001)
        .get(ControlPlaneApi.STATUS, query -> Status.of("agent", Main.class, start).toMap())
        // A real agent would fetch the job from the execution plane; this one makes it up.
        .get(
            "/v1/claim",
            query -> {
              String command = query.getOrDefault("command", "echo hello");
              Job job = new Job("job-" + claimed.incrementAndGet(), command, Job.State.QUEUED);
              return job.moveTo(Job.State.RUNNING).toMap();
            })
        .main(args);
  }
}
