package dev.orchestrator.core.build;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.image.ImageLabels;
import dev.orchestrator.core.image.Platforms;
import dev.orchestrator.core.process.Command;
import dev.orchestrator.core.state.StateFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How to run one build: the resolved profile and platforms, concurrency and failure policy.
 *
 * @param failFast stop starting services after the first failure (running ones finish)
 * @param incremental how to skip services whose image is up to date; empty: always build
 * @param provenance what the images' OCI labels say about their sources (see {@link ImageLabels}):
 *     worked out (git runs) only when an image is to be labelled, so not when all are up to date
 * @param earlierImages in-repo images this build refers to but does not build, by digest: service
 *     to {@code REPOSITORY@sha256:…} (a staged CI job's dependencies, built by earlier jobs)
 * @param epochs each service's {@code SOURCE_DATE_EPOCH}, if it has one
 */
public record BuildSettings(
    Path root,
    Profile profile,
    List<String> platforms,
    int jobs,
    boolean failFast,
    Optional<Incremental> incremental,
    OnceValue<ImageLabels.Provenance> provenance,
    Map<String, String> earlierImages,
    Function<Service, Optional<SourceDateEpoch>> epochs) {

  public BuildSettings(
      Path root, Profile profile, List<String> platforms, int jobs, boolean failFast) {
    this(root, profile, platforms, jobs, failFast, Optional.empty());
  }

  public BuildSettings(
      Path root,
      Profile profile,
      List<String> platforms,
      int jobs,
      boolean failFast,
      Optional<Incremental> incremental) {
    this(
        root,
        profile,
        platforms,
        jobs,
        failFast,
        incremental,
        OnceValue.known(ImageLabels.Provenance.NONE),
        Map.of(),
        s -> Optional.empty());
  }

  /** These settings, with images labelled from {@code provenance}. */
  public BuildSettings withProvenance(OnceValue<ImageLabels.Provenance> provenance) {
    return new BuildSettings(
        root, profile, platforms, jobs, failFast, incremental, provenance, earlierImages, epochs);
  }

  /** These settings, with in-repo images not built here taken by digest from earlier jobs. */
  public BuildSettings withEarlierImages(Map<String, String> earlierImages) {
    return new BuildSettings(
        root, profile, platforms, jobs, failFast, incremental, provenance, earlierImages, epochs);
  }

  /**
   * Variables every {@code buildx build} and {@code bake} gets. Without a provenance attestation,
   * {@code BUILDX_GIT_INFO=false}: buildx otherwise runs git seven times per target, one target
   * after another, before the solve starts (168 git processes for 24 targets in a git clone, about
   * 0.6 s), for information that only a provenance attestation carries. The images' own source
   * labels come from {@link ImageLabels.Provenance}, not from buildx.
   */
  public Map<String, String> buildxEnvironment() {
    return profile.attestations().provenance() == Profile.ProvenanceMode.FALSE
        ? Map.of("BUILDX_GIT_INFO", "false")
        : Map.of();
  }

  /**
   * {@code argv} (a {@code docker buildx} command) run in the root with {@link #buildxEnvironment}.
   */
  public Command buildxCommand(List<String> argv) {
    return new Command(argv, root, buildxEnvironment(), Optional.empty());
  }

  /**
   * {@code argv} as a shell would run it with {@link #buildxEnvironment}: the variables first, for
   * a dry run to show exactly what runs.
   */
  public List<String> withBuildxEnvironment(List<String> argv) {
    List<String> shown = new ArrayList<>();
    new TreeMap<>(buildxEnvironment()).forEach((k, v) -> shown.add(k + "=" + v));
    shown.addAll(argv);
    return List.copyOf(shown);
  }

  /**
   * An earlier job's image of this in-repo service, by digest, when this build does not build it.
   */
  Optional<String> earlierImage(String service) {
    return Optional.ofNullable(earlierImages.get(service));
  }

  /**
   * These settings, with each service built at the {@code SOURCE_DATE_EPOCH} {@code epochs} says.
   */
  public BuildSettings withEpochs(Function<Service, Optional<SourceDateEpoch>> epochs) {
    return new BuildSettings(
        root, profile, platforms, jobs, failFast, incremental, provenance, earlierImages, epochs);
  }

  /**
   * The OCI labels the orchestrator gives this service's image; {@code created} is its {@code
   * SOURCE_DATE_EPOCH}, so that the label and BuildKit's image date agree.
   */
  public java.util.Map<String, String> labelsOf(Service service) {
    ImageLabels.Provenance p = provenance.get();
    Optional<SourceDateEpoch> epoch = epochs.apply(service);
    if (epoch.isPresent()) {
      p =
          new ImageLabels.Provenance(
              p.revision(), p.source(), Optional.of(epoch.get().rfc3339()), p.version());
    }
    return ImageLabels.of(service.name(), p, service.ownLabelKeys());
  }

  public BuildSettings {
    platforms = List.copyOf(platforms);
    earlierImages = Map.copyOf(earlierImages);
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
  }

  /** Orchestrator state under the repository: stamps, metadata files. Git-ignored. */
  public StateFolder state() {
    return new StateFolder(root);
  }

  /**
   * The platforms this service builds for: the requested ones, narrowed to those its descriptor
   * lists when it lists any (a service that only runs on amd64 is not built for arm64).
   */
  public List<String> platformsOf(Service service) {
    return Platforms.supportedBy(service.descriptor().platforms(), platforms);
  }
}
