package dev.orchestrator.core.verify;

import dev.orchestrator.core.engine.ContainerSpec;
import dev.orchestrator.core.engine.ContainerState;
import dev.orchestrator.core.engine.Engine;

/** One container, recorded in {@link LiveContainers} from creation until {@link #close}. */
final class ContainerRun implements AutoCloseable {
  private final Engine engine;
  private final String id;

  private ContainerRun(Engine engine, String id) {
    this.engine = engine;
    this.id = id;
  }

  static ContainerRun create(Engine engine, ContainerSpec spec) {
    String id = engine.createContainer(spec);
    LiveContainers.register(id, () -> engine.removeContainer(id));
    return new ContainerRun(engine, id);
  }

  void start() {
    engine.startContainer(id);
  }

  ContainerState inspect() {
    return engine.inspectContainer(id);
  }

  @Override
  public void close() {
    LiveContainers.remove(id);
  }
}
