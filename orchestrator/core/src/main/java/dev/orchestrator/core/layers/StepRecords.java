package dev.orchestrator.core.layers;

import dev.orchestrator.core.dockerfile.DockerfileInfo;
import dev.orchestrator.core.dockerfile.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Turns one build's progress into a {@link StepRecord} per platform. Only the stages the image is
 * made of count: the final stage (the target, else the last) and the earlier stages it is built
 * FROM, root first; a stage that only feeds a {@code COPY --from} leaves no layer. A platform whose
 * steps cannot all be read from the progress gets no record, so the table says unknown rather than
 * guess.
 */
public final class StepRecords {
  private StepRecords() {}

  /**
   * @param steps the build's steps ({@link BuildStep#parse})
   * @param dockerfile the Dockerfile as the build read it
   * @param target the service's build target, if any
   * @param manifests the platform manifest digest of each platform the build made
   * @return a record for each platform whose steps were all seen
   */
  public static Map<String, StepRecord> of(
      List<BuildStep> steps,
      DockerfileInfo dockerfile,
      Optional<String> target,
      Map<String, String> manifests) {
    Optional<List<Stage>> chain = chain(dockerfile, target);
    Map<String, StepRecord> records = new TreeMap<>();
    if (chain.isEmpty()) {
      return records;
    }
    boolean fromImage = !chain.get().get(0).baseImage().equalsIgnoreCase("scratch");
    manifests.forEach(
        (platform, digest) ->
            stepsOf(steps, dockerfile, chain.get(), platform)
                .ifPresent(own -> records.put(platform, new StepRecord(digest, fromImage, own))));
    return records;
  }

  /** The stages the image is made of, root first; empty when the target is no stage. */
  static Optional<List<Stage>> chain(DockerfileInfo dockerfile, Optional<String> target) {
    Optional<Stage> stage = dockerfile.finalStage(target);
    if (stage.isEmpty()) {
      return Optional.empty();
    }
    List<Stage> chain = new ArrayList<>();
    // Each hop goes to an earlier stage, so this ends.
    while (stage.isPresent()) {
      chain.add(0, stage.get());
      stage = dockerfile.parentStage(stage.get());
    }
    return Optional.of(chain);
  }

  private static Optional<List<StepRecord.Step>> stepsOf(
      List<BuildStep> steps, DockerfileInfo dockerfile, List<Stage> chain, String platform) {
    List<StepRecord.Step> own = new ArrayList<>();
    for (Stage stage : chain) {
      Set<String> labels = labels(dockerfile, stage);
      List<BuildStep> ofStage = steps.stream().filter(s -> labels.contains(s.stage())).toList();
      if (ofStage.isEmpty()) {
        continue; // a stage without steps: no layer
      }
      Set<Integer> totals = ofStage.stream().map(BuildStep::total).collect(Collectors.toSet());
      Set<Integer> positions =
          ofStage.stream().map(BuildStep::position).collect(Collectors.toSet());
      int total = totals.iterator().next();
      // A stage FROM an image counts its FROM as a step. BuildKit shows it as step 1 for a pulled
      // or local image, but a named context (an in-repo base) as "[context NAME]", without a
      // number, and then the stage's steps are 1 to total-1.
      boolean fromContext =
          stage == chain.get(0)
              && !stage.baseImage().equalsIgnoreCase("scratch")
              && positions.equals(range(total - 1));
      if (totals.size() != 1 || !(positions.equals(range(total)) || fromContext)) {
        return Optional.empty(); // steps of another build under this name, or steps not seen
      }
      for (int position = 1; position <= (fromContext ? total - 1 : total); position++) {
        int at = position;
        List<BuildStep> same = ofStage.stream().filter(s -> s.position() == at).toList();
        String instruction = same.get(0).instruction();
        if (instruction.toUpperCase(Locale.ROOT).startsWith("FROM ")) {
          continue; // the base image: its layers are the base's
        }
        own.add(new StepRecord.Step(instruction, cache(same, platform)));
      }
    }
    return Optional.of(own);
  }

  private static Set<Integer> range(int last) {
    return IntStream.rangeClosed(1, last).boxed().collect(Collectors.toSet());
  }

  /**
   * This platform's outcome of one step: its own vertex where BuildKit names the platform, else the
   * vertices without a platform (one per platform) when they agree; unknown when they do not.
   */
  private static LayerCache cache(List<BuildStep> same, String platform) {
    List<BuildStep> named =
        same.stream().filter(s -> s.platform().equals(Optional.of(platform))).toList();
    List<BuildStep> candidates =
        named.isEmpty() ? same.stream().filter(s -> s.platform().isEmpty()).toList() : named;
    if (candidates.isEmpty()) {
      return LayerCache.UNKNOWN;
    }
    if (candidates.stream().allMatch(BuildStep::cached)) {
      return LayerCache.CACHED;
    }
    return candidates.stream().noneMatch(BuildStep::cached) ? LayerCache.BUILT : LayerCache.UNKNOWN;
  }

  /**
   * How BuildKit names a stage in its progress: its name, else {@code stage-N} when the solve holds
   * several stages. That is so for a Dockerfile of several stages, and also for one of a single
   * stage whose solve holds a named context's stages (an in-session base, {@code target:}): then
   * its one stage is {@code stage-0}, else it has no name.
   */
  static Set<String> labels(DockerfileInfo dockerfile, Stage stage) {
    if (stage.name().isPresent()) {
      return Set.of(stage.name().get());
    }
    return dockerfile.stages().size() > 1
        ? Set.of("stage-" + stage.index())
        : Set.of("", "stage-" + stage.index());
  }
}
