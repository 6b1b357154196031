package dev.orchestrator.core.engine;

import dev.orchestrator.core.size.ImageSizes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An engine for unit tests: preflight passes, it holds no images, and any container call fails the
 * test. Tests override the few calls their case is about.
 */
public class StubEngine implements Engine {
  @Override
  public EngineInfo preflight(List<String> platforms) {
    return new EngineInfo("26.1.5", "1.45", true, platforms, "linux/amd64");
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
  public void removeImage(String imageRef) {}

  @Override
  public String createContainer(ContainerSpec spec) {
    throw new AssertionError("no container expected");
  }

  @Override
  public void startContainer(String containerId) {
    throw new AssertionError("no container expected");
  }

  @Override
  public ContainerState inspectContainer(String containerId) {
    throw new AssertionError("no container expected");
  }

  @Override
  public String containerLogs(String containerId, int lines) {
    return "";
  }

  @Override
  public void removeContainer(String containerId) {
    throw new AssertionError("no container expected");
  }

  @Override
  public void close() {}
}
