package dev.orchestrator.core;

import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.result.BuildReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Orchestrator#build} did.
 *
 * @param commands in a dry run, the exact commands per service in plan order (the Maven invocation
 *     under the key {@code maven}); empty otherwise
 * @param report empty in a dry run
 */
public record BuildOutcome(
    Plan plan,
    List<String> platforms,
    Map<String, List<String>> commands,
    Optional<BuildReport> report) {}
