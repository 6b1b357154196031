package dev.orchestrator.core.verify;

import dev.orchestrator.core.engine.ContainerState;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Waits for a started container to become healthy: its HEALTHCHECK says so or, for an image without
 * one, its health path answers 200. Gives up when it exits, turns unhealthy or the timeout passes.
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
   * @param startNanos {@link System#nanoTime} just before the container was started
   * @param httpPort the container port to probe when the image has no HEALTHCHECK
   */
  static Readiness await(
      ContainerRun run, long startNanos, Duration timeout, Optional<Integer> httpPort, String path)
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
      } else if (httpPort.isPresent()) {
        Integer host = s.hostPorts().get(httpPort.get());
        if (host != null && HttpProbe.get(host, path).ok()) {
          return new Readiness(
              Optional.of(elapsed),
              s,
              "answered " + path + " after " + seconds(elapsed) + " (no HEALTHCHECK)");
        }
      } else {
        return failed(s, "no HEALTHCHECK in the image and no port to probe");
      }
      if (elapsed.compareTo(timeout) >= 0) {
        return failed(
            s,
            "not healthy within "
                + seconds(timeout)
                + " ("
                + s.health().orElse("no answer")
                + ")"
                + probe(s));
      }
      Thread.sleep(POLL_MILLIS);
    }
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
