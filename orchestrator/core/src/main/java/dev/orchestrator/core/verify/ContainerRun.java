package dev.orchestrator.core.verify;

import dev.orchestrator.core.engine.ContainerSpec;
import dev.orchestrator.core.engine.ContainerState;
import dev.orchestrator.core.engine.Engine;

/** One container, recorded in {@link LiveContainers} from creation until {@link #close}. */
final class ContainerRun implements AutoCloseable {
  private final Engine engine;
  private final LiveContainers live;
  private final String id;

  private ContainerRun(Engine engine, LiveContainers live, String id) {
    this.engine = engine;
    this.live = live;
    this.id = id;
  }

  static ContainerRun create(Engine engine, LiveContainers live, ContainerSpec spec) {
    String id = engine.createContainer(spec);
    live.register(id, () -> engine.removeContainer(id));
    return new ContainerRun(engine, live, id);
  }

  void start() {
    engine.startContainer(id);
  }

  ContainerState inspect() {
    return engine.inspectContainer(id);
  }

  /** Its last {@code lines} lines of output; what the engine refused to give is said instead. */
  String lastOutput(int lines) {
    try {
      return engine.containerLogs(id, lines);
    } catch (IllegalStateException e) {
      return "(its output could not be read: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    live.remove(id);
  }
}
