package dev.orchestrator.samples.executionplane.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A unit of work the execution plane runs and an agent picks up.
 *
 * @param id stable identifier
 * @param command what to run, as the agent will execute it
 * @param state where the job is in its life
 */
public record Job(String id, String command, State state) {

  public enum State {
    QUEUED,
    RUNNING,
    DONE
  }

  public Job {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a job needs an id");
    }
  }

  /** The same job, moved to {@code next}. */
  public Job moveTo(State next) {
    return new Job(id, command, next);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", id);
    map.put("command", command);
    map.put("state", state.name().toLowerCase(Locale.ROOT));
    return map;
  }
}
