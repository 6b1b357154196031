package dev.orchestrator.core.progress;

import dev.orchestrator.core.result.ServiceResult;
import java.util.List;

/** What the core tells front ends while it works; the core itself never prints. */
public sealed interface BuildEvent {
  /** The build order: waves of services that may build at once, and the platforms. */
  record Planned(List<List<String>> waves, List<String> platforms) implements BuildEvent {
    public Planned {
      waves = waves.stream().map(List::copyOf).toList();
      platforms = List.copyOf(platforms);
    }

    /** Every planned service, in plan order. */
    public List<String> services() {
      return waves.stream().flatMap(List::stream).toList();
    }
  }

  /** A phase before or around image builds: preflight, Maven, preparation. */
  record Phase(String service, String message) implements BuildEvent {}

  record Started(String service, List<String> argv) implements BuildEvent {}

  record Output(String service, String line) implements BuildEvent {}

  record Finished(ServiceResult result) implements BuildEvent {}
}
