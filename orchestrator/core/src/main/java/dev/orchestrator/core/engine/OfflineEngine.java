package dev.orchestrator.core.engine;

import dev.orchestrator.core.error.OrchestratorBug;
import dev.orchestrator.core.size.ImageSizes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine of verbs that must not contact one (dry runs, {@code --explain} for profiles that
 * push): it holds no images, and anything that would change an engine fails loudly rather than
 * pretending to work.
 */
public final class OfflineEngine implements Engine {
  private final String why;

  /**
   * @param why what runs offline, for the message of a call that needed a real engine
   */
  public OfflineEngine(String why) {
    this.why = why;
  }

  @Override
  public EngineInfo preflight(List<String> platforms) {
    throw refused("preflight");
  }

  @Override
  public Map<String, ImageSizes> imageSizes(String imageRef) {
    return Map.of();
  }

  @Override
  public boolean imageExists(String imageRef) {
    return false;
  }

  @Override
  public Optional<String> imageLabel(String imageRef, String key) {
    return Optional.empty();
  }

  @Override
  public void removeImage(String imageRef) {
    throw refused("removing " + imageRef);
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    throw refused("creating a container");
  }

  @Override
  public void startContainer(String containerId) {
    throw refused("starting a container");
  }

  @Override
  public ContainerState inspectContainer(String containerId) {
    throw refused("inspecting a container");
  }

  @Override
  public String containerLogs(String containerId, int lines) {
    throw refused("reading a container's output");
  }

  @Override
  public void removeContainer(String containerId) {
    throw refused("removing a container");
  }

  @Override
  public boolean online() {
    return false;
  }

  @Override
  public void close() {}

  private OrchestratorBug refused(String what) {
    return new OrchestratorBug(why + " uses no engine, but " + what + " needed one");
  }
}
