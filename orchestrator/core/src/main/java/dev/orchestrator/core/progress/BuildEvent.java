package dev.orchestrator.core.progress;

import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.result.ServiceResult;
import java.util.List;

/** What the core tells front ends while it works; the core itself never prints. */
public sealed interface BuildEvent {
  record Planned(Plan plan, List<String> platforms) implements BuildEvent {}

  /** A phase before or around image builds: preflight, Maven, preparation. */
  record Phase(String service, String message) implements BuildEvent {}

  record Started(String service, List<String> argv) implements BuildEvent {}

  record Output(String service, String line) implements BuildEvent {}

  record Finished(ServiceResult result) implements BuildEvent {}
}
