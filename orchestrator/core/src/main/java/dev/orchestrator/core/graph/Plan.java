package dev.orchestrator.core.graph;

import java.util.List;
import java.util.Map;

/**
 * The build order: waves of services whose dependencies are all in earlier waves (topological
 * levels). Within a wave, services come longest remaining chain first, the order an executor with a
 * concurrency limit should start them in.
 *
 * @param remainingChain for each service, the number of services on the longest path from it to the
 *     end of the plan, itself included
 */
public record Plan(List<List<String>> waves, Map<String, Integer> remainingChain) {

  public Plan {
    waves = waves.stream().map(List::copyOf).toList();
    remainingChain = Map.copyOf(remainingChain);
  }

  public List<String> services() {
    return waves.stream().flatMap(List::stream).toList();
  }

  public int size() {
    return remainingChain.size();
  }
}
