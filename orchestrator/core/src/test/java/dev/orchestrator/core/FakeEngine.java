package dev.orchestrator.core;

import dev.orchestrator.core.engine.ContainerSpec;
import dev.orchestrator.core.engine.ContainerState;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.engine.EngineInfo;
import dev.orchestrator.core.size.ImageSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** An engine that answers preflight and holds a set of image references; runs no containers. */
final class FakeEngine implements Engine {
  final Set<String> images = new TreeSet<>();
  final List<String> removed = new ArrayList<>();

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
    return images.contains(imageRef);
  }

  @Override
  public Optional<String> imageLabel(String imageRef, String key) {
    return Optional.empty();
  }

  @Override
  public void removeImage(String imageRef) {
    images.remove(imageRef);
    removed.add(imageRef);
  }

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
