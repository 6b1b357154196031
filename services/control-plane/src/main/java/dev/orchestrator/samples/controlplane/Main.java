package dev.orchestrator.samples.controlplane;

import dev.orchestrator.samples.controlplane.api.ControlPlaneApi;
import dev.orchestrator.samples.controlplane.api.Status;
import dev.orchestrator.samples.kit.Json;
import dev.orchestrator.samples.kit.ServiceApp;
import java.time.Instant;

/** The control plane: reports its status and the services it manages. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Instant start = Instant.now();
    ServiceApp.named("control-plane", ControlPlaneApi.DEFAULT_PORT)
        .get(ControlPlaneApi.STATUS, query -> Status.of("control-plane", Main.class, start).toMap())
        .get(ControlPlaneApi.SERVICES, query -> Json.object("services", ControlPlaneApi.MANAGED))
        .main(args);
  }
}
