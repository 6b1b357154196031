package dev.orchestrator.samples.connectorgateway;

import dev.orchestrator.samples.controlplane.api.ControlPlaneApi;
import dev.orchestrator.samples.controlplane.api.Status;
import dev.orchestrator.samples.kit.Json;
import dev.orchestrator.samples.kit.ServiceApp;
import java.time.Instant;
import java.util.List;

/** The connector gateway: reports its status to the control plane and lists its connectors. */
public final class Main {

  private static final List<Object> CONNECTORS =
      List.of(
          Json.object("name", "github", "kind", "source"),
          Json.object("name", "s3", "kind", "sink"));

  private Main() {}

  public static void main(String[] args) {
    Instant start = Instant.now();
    ServiceApp.named("connector-gateway", 8001)
        .get(ControlPlaneApi.STATUS, q -> Status.of("connector-gateway", Main.class, start).toMap())
        .get("/v1/connectors", query -> Json.object("connectors", CONNECTORS))
        .main(args);
  }
}
