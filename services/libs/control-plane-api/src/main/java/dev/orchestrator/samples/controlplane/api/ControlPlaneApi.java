package dev.orchestrator.samples.controlplane.api;

import java.util.List;

/** The control plane's HTTP contract, shared by the control plane and its clients. */
public final class ControlPlaneApi {

  /** Every service answers here with its {@link Status}. */
  public static final String STATUS = "/v1/status";

  /** The control plane lists the services it manages here. */
  public static final String SERVICES = "/v1/services";

  /** Where the control plane listens unless PORT says otherwise. */
  public static final int DEFAULT_PORT = 8000;

  /** The services the control plane manages, in the order it starts them. */
  public static final List<String> MANAGED =
      List.of("connector-gateway", "execution-plane", "agent", "indexer");

  private ControlPlaneApi() {}
}
