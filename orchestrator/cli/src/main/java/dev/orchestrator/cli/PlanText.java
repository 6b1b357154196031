package dev.orchestrator.cli;

import dev.orchestrator.core.graph.Plan;

/** The plan as people read it: one line per wave. */
final class PlanText {
  private PlanText() {}

  static String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < plan.waves().size(); i++) {
      out.append(String.format("wave %d: %s%n", i + 1, String.join(", ", plan.waves().get(i))));
    }
    out.append(String.format("%d services in %d waves%n", plan.size(), plan.waves().size()));
    return out.toString();
  }
}
