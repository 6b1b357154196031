package dev.orchestrator.core.dockerfile;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a Dockerfile says about its dependencies.
 *
 * @param file the Dockerfile, as given to the parser
 * @param syntax the {@code # syntax=} directive, if any
 * @param stages every {@code FROM}, in file order
 * @param references every mention of an image that is not a stage of this file, one per occurrence,
 *     in file order
 */
public record DockerfileInfo(
    Path file, Optional<String> syntax, List<Stage> stages, List<ImageReference> references) {

  public DockerfileInfo {
    Objects.requireNonNull(syntax, "syntax");
    stages = List.copyOf(stages);
    references = List.copyOf(references);
  }

  /** Names (lower-cased) of stages defined with {@code AS}, in file order. */
  public Set<String> stageNames() {
    Set<String> names = new LinkedHashSet<>();
    stages.forEach(stage -> stage.name().ifPresent(names::add));
    return Collections.unmodifiableSet(names);
  }

  /**
   * Distinct names referenced as images, i.e. candidates for in-repo services or external images,
   * in order of first mention. Excludes {@code scratch}, stage names and numeric stage indexes.
   */
  public Set<String> referencedImages() {
    Set<String> images = new LinkedHashSet<>();
    references.forEach(reference -> images.add(reference.image()));
    return Collections.unmodifiableSet(images);
  }
}
