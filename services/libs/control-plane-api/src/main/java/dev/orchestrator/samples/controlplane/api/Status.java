package dev.orchestrator.samples.controlplane.api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every service reports to the control plane at {@link ControlPlaneApi#STATUS}.
 *
 * @param service the service's name
 * @param version its build version, or {@code dev} outside a packaged jar
 * @param uptimeSeconds whole seconds since it started
 */
public record Status(String service, String version, long uptimeSeconds) {

  /** The status of a service that started at {@code start}, versioned by its jar's manifest. */
  public static Status of(String service, Class<?> main, Instant start) {
    String version = main.getPackage().getImplementationVersion();
    return new Status(
        service,
        version == null ? "dev" : version,
        Duration.between(start, Instant.now()).toSeconds());
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("service", service);
    map.put("version", version);
    map.put("uptimeSeconds", uptimeSeconds);
    return map;
  }
}
