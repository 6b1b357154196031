package dev.orchestrator.core.verify;

import dev.orchestrator.core.engine.ContainerState;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Waits for a started container to become healthy: its HEALTHCHECK says so; for an image without
 * one, its health path answers 200 or, when service.yaml asks for no such check, it still runs
 * after the settle time and every port it has accepts a connection. Gives up when it exits, turns
 * unhealthy or the timeout passes.
 */
final class HealthWait {
  private static final long POLL_MILLIS = 250;

  private HealthWait() {}

  /**
   * @param healthyAfter from start to healthy; empty when it did not get there
   * @param state the last state seen
   */
  record Readiness(Optional<Duration> healthyAfter, ContainerState state, String detail) {}

  /**
   * How to tell the container is up.
   *
   * @param httpPort the container port to probe when the image has no HEALTHCHECK; empty to wait
   *     for the settle time and the TCP ports instead
   * @param settle how long a container without HEALTHCHECK or health path must keep running
   * @param tcpPorts the container ports that must accept a connection in that case
   */
  record Probe(
      Duration timeout,
      Optional<Integer> httpPort,
      String path,
      Duration settle,
      List<Integer> tcpPorts) {
    Probe {
      tcpPorts = List.copyOf(tcpPorts);
    }
  }

  /**
   * @param startNanos {@link System#nanoTime} just before the container was started
   */
  static Readiness await(ContainerRun run, long startNanos, Probe probe)
      throws InterruptedException {
    while (true) {
      ContainerState s = run.inspect();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
      if (!s.running()) {
        return failed(s, s.status() + " with code " + s.exitCode() + " after " + seconds(elapsed));
      }
      if (s.health().isPresent()) {
        if (s.health().get().equals("healthy")) {
          return new Readiness(Optional.of(elapsed), s, "healthy after " + seconds(elapsed));
        }
        if (s.health().get().equals("unhealthy")) {
          return failed(s, "unhealthy after " + seconds(elapsed) + probe(s));
        }
      } else if (probe.httpPort().isPresent()) {
        Integer host = s.hostPorts().get(probe.httpPort().get());
        if (host != null && HttpProbe.get(host, probe.path()).ok()) {
          return new Readiness(
              Optional.of(elapsed),
              s,
              "answered " + probe.path() + " after " + seconds(elapsed) + " (no HEALTHCHECK)");
        }
      } else if (elapsed.compareTo(probe.settle()) >= 0) {
        List<Integer> closed = closedPorts(s, probe.tcpPorts());
        if (closed.isEmpty()) {
          return new Readiness(Optional.of(elapsed), s, settled(elapsed, probe.tcpPorts()));
        }
        if (elapsed.compareTo(probe.timeout()) >= 0) {
          return failed(
              s,
              "running, but "
                  + ports(closed)
                  + " accepted no TCP connection within "
                  + seconds(probe.timeout()));
        }
      }
      if (elapsed.compareTo(probe.timeout()) >= 0) {
        return failed(
            s,
            "not healthy within "
                + seconds(probe.timeout())
                + " ("
                + s.health().orElse("no answer")
                + ")"
                + probe(s));
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  private static List<Integer> closedPorts(ContainerState s, List<Integer> ports) {
    return ports.stream()
        .filter(p -> s.hostPorts().get(p) == null || !TcpProbe.accepts(s.hostPorts().get(p)))
        .toList();
  }

  private static String settled(Duration elapsed, List<Integer> ports) {
    String running = "still running after " + seconds(elapsed);
    return ports.isEmpty()
        ? running + " (no HEALTHCHECK, no port)"
        : running + ", " + ports(ports) + " accepting TCP connections (no HEALTHCHECK)";
  }

  private static String ports(List<Integer> ports) {
    return (ports.size() == 1 ? "port " : "ports ")
        + ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }

  private static Readiness failed(ContainerState s, String detail) {
    return new Readiness(Optional.empty(), s, detail);
  }

  private static String probe(ContainerState s) {
    String out = s.lastProbeOutput().replaceAll("\\s+", " ").strip();
    if (out.isEmpty()) {
      return "";
    }
    return ": " + (out.length() > 120 ? out.substring(0, 117) + "..." : out);
  }
}
