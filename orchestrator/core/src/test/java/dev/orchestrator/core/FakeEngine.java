package dev.orchestrator.core;

import dev.orchestrator.core.engine.StubEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** An engine that answers preflight and holds a set of image references; runs no containers. */
final class FakeEngine extends StubEngine {
  final Set<String> images = new TreeSet<>();
  final List<String> removed = new ArrayList<>();

  @Override
  public boolean imageExists(String imageRef) {
    return images.contains(imageRef);
  }

  @Override
  public void removeImage(String imageRef) {
    images.remove(imageRef);
    removed.add(imageRef);
  }
}
