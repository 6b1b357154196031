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
 * @param settings the ARG, ENV, USER, HEALTHCHECK, ADD, CMD and ENTRYPOINT instructions, in file
 *     order, for checks of image policy
 */
public record DockerfileInfo(
    Path file,
    Optional<String> syntax,
    List<Stage> stages,
    List<ImageReference> references,
    List<Setting> settings) {

  public DockerfileInfo {
    Objects.requireNonNull(syntax, "syntax");
    stages = List.copyOf(stages);
    references = List.copyOf(references);
    settings = List.copyOf(settings);
  }

  /** A Dockerfile read for its dependencies only, without settings. */
  public DockerfileInfo(
      Path file, Optional<String> syntax, List<Stage> stages, List<ImageReference> references) {
    this(file, syntax, stages, references, List.of());
  }

  /** The settings of one stage, in file order. */
  public List<Setting> settingsOf(Stage stage) {
    return settings.stream().filter(s -> s.stage() == stage.index()).toList();
  }

  /**
   * The earlier stage a stage is built FROM ({@code FROM builder}, {@code FROM 0}), matched as
   * BuildKit does: by {@code AS} name, case-insensitive, or by index.
   */
  public Optional<Stage> parentStage(Stage stage) {
    String base = stage.baseImage().toLowerCase(java.util.Locale.ROOT);
    return stages.stream()
        .filter(s -> s.index() < stage.index())
        .filter(s -> s.name().equals(Optional.of(base)) || String.valueOf(s.index()).equals(base))
        .findFirst();
  }

  /**
   * The stage the image is built up to: the one named {@code target} (case-insensitive), else the
   * last; empty when there is no such stage.
   */
  public Optional<Stage> finalStage(Optional<String> target) {
    if (target.isPresent()) {
      String name = target.get().toLowerCase(java.util.Locale.ROOT);
      return stages.stream().filter(s -> s.name().equals(Optional.of(name))).findFirst();
    }
    return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
  }

  /**
   * The label keys the image built up to {@code target} (else the last stage) sets itself: its
   * stage's LABELs and those of the earlier stages it is built FROM, not an external base's.
   */
  public Set<String> labelKeys(Optional<String> target) {
    Set<String> keys = new java.util.TreeSet<>();
    Optional<Stage> stage = finalStage(target);
    // Each hop goes to an earlier stage, so this ends.
    for (int hops = 0; stage.isPresent() && hops <= stages.size(); hops++) {
      Stage current = stage.get();
      keys.addAll(current.labelKeys());
      stage = parentStage(current);
    }
    return Collections.unmodifiableSet(keys);
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
