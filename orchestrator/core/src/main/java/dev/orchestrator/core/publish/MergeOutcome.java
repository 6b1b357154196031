package dev.orchestrator.core.publish;

import dev.orchestrator.core.result.Verdict;
import java.time.Duration;
import java.util.List;

/**
 * What a merge did: the plan, and per service the outcome of its {@code imagetools create} (none
 * for a dry run).
 */
public record MergeOutcome(MergePlanner.MergePlan plan, List<Result> results) {
  public MergeOutcome {
    results = List.copyOf(results);
  }

  public boolean anyFailed() {
    return results.stream().anyMatch(r -> r.exitCode() != 0);
  }

  public Verdict verdict() {
    return anyFailed() ? Verdict.BUILD_FAILED : Verdict.OK;
  }

  /** One service's published index: non-zero exit is data, with the command's last lines. */
  public record Result(
      String service, List<String> tags, int exitCode, List<String> outputTail, Duration duration) {
    public Result {
      tags = List.copyOf(tags);
      outputTail = List.copyOf(outputTail);
    }
  }
}
