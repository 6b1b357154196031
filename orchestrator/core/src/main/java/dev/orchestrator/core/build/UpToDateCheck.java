package dev.orchestrator.core.build;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.hash.BuildIndex;
import dev.orchestrator.core.hash.InputHashes;
import dev.orchestrator.core.hash.ServiceInputs;
import dev.orchestrator.core.image.ImageNames;
import dev.orchestrator.core.process.Command;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import dev.orchestrator.core.progress.BuildEvent;
import dev.orchestrator.core.progress.BuildListener;
import dev.orchestrator.core.registry.RegistryClient;
import dev.orchestrator.core.result.BuildStatus;
import dev.orchestrator.core.result.PlatformResult;
import dev.orchestrator.core.result.ServiceResult;
import dev.orchestrator.core.size.ImageSizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The step before buildx: computes a service's input hashes and looks for an image that already
 * carries them, in the local engine (the {@value #LABEL} label of the profile's reference) or, for
 * pushing profiles, in the registry (a {@code hash-<12 hex>} tag, by manifest HEAD). Found: the
 * service is up to date and buildx does not run.
 */
final class UpToDateCheck {
  static final String LABEL = "dev.orchestrator.input-hash";

  private final BuildSettings settings;
  private final Engine engine;
  private final CommandRunner runner;
  private final ImageNames names;
  private final Optional<Incremental> incremental;

  UpToDateCheck(BuildSettings settings, Engine engine, ImageNames names, CommandRunner runner) {
    this.settings = settings;
    this.engine = engine;
    this.runner = runner;
    this.names = names;
    this.incremental = settings.incremental();
  }

  /** Where an image with a service's input hash was looked for, and what was found. */
  record Lookup(boolean found, String where, Optional<String> digest) {
    Lookup(boolean found, String where) {
      this(found, where, Optional.empty());
    }
  }

  /** The hashes of one service for the build's platforms, and the one recorded on the image. */
  record Hashes(Map<String, String> perPlatform, String image) {
    String imageShort() {
      return ServiceInputs.shortHash(image);
    }
  }

  Optional<Hashes> hashes(Service service) {
    return incremental.map(
        inc -> {
          Map<String, String> per =
              inc.hashes().platformHashes(service.name(), settings.platformsOf(service));
          return new Hashes(per, InputHashes.invocationHash(per));
        });
  }

  /** After a preparation ran, the service's files must be read again. */
  void preparationRan(Service service) {
    incremental.ifPresent(inc -> inc.hashes().forget(service.name()));
  }

  /** The label (and, when pushing, the hash tag) every build gets: inserted before the context. */
  List<String> withHashArguments(Service service, List<String> argv) {
    Optional<Hashes> hashes = hashes(service);
    if (hashes.isEmpty()) {
      return argv;
    }
    List<String> extra = new ArrayList<>(List.of("--label", LABEL + "=" + hashes.get().image()));
    if (pushes()) {
      extra.addAll(List.of("--tag", hashReference(service, hashes.get())));
    }
    List<String> out = new ArrayList<>(argv.subList(0, argv.size() - 1));
    out.addAll(extra);
    out.add(argv.get(argv.size() - 1));
    return List.copyOf(out);
  }

  /** The up-to-date result, when an image with this service's input hash exists. */
  Optional<ServiceResult> check(Service service, long start, BuildListener listener) {
    if (incremental.isEmpty() || incremental.get().force()) {
      return Optional.empty();
    }
    Hashes hashes = hashes(service).orElseThrow();
    Lookup lookup = lookup(service, hashes);
    if (!lookup.found()) {
      return Optional.empty();
    }
    if (pushes()) {
      Optional<ProcessResult> retag = retag(service, hashes, lookup, listener);
      if (retag.isPresent() && !retag.get().succeeded()) {
        // The image exists, but its tags still name an older one: reporting it up to date would
        // publish the wrong image under them.
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return Optional.of(
            failedRetag(service, took, retag.get(), "found " + hashReference(service, hashes)));
      }
    }
    Map<String, ImageSizes> sizes =
        settings.profile().output() == Profile.Output.LOAD ? sizes(service, hashes) : Map.of();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String image = names.reference(service.name());
    List<PlatformResult> platforms = new ArrayList<>();
    for (String platform : settings.platformsOf(service)) {
      platforms.add(
          PlatformResults.of(
              service,
              platform,
              BuildStatus.UP_TO_DATE,
              took,
              image,
              Optional.ofNullable(sizes.get(platform)),
              new BuildOutput.StepCounts(0, 0),
              Optional.empty()));
    }
    return Optional.of(
        new ServiceResult(
            service.name(),
            image,
            BuildStatus.UP_TO_DATE,
            took,
            platforms,
            lookup.where(),
            List.of()));
  }

  /** Looks without changing anything: for the check and for {@code --explain}. */
  Lookup lookup(Service service, Hashes hashes) {
    if (pushes()) {
      String ref = hashReference(service, hashes);
      RegistryClient.Answer answer = incremental.orElseThrow().registry().head(ref);
      return new Lookup(
          answer.found(),
          answer.found()
              ? "image " + ref + " has input hash " + hashes.imageShort() + " (registry)"
              : "registry: no " + ref + " (" + answer.detail() + ")",
          answer.digest());
    }
    if (settings.profile().output() != Profile.Output.LOAD || !engine.online()) {
      return new Lookup(false, "no local engine or registry to look in");
    }
    String ref = names.reference(service.name());
    Optional<String> label = engine.imageLabel(ref, LABEL);
    if (label.isPresent() && label.get().equals(hashes.image())) {
      return new Lookup(
          true, "image " + ref + " has input hash " + hashes.imageShort() + " (local engine)");
    }
    return new Lookup(
        false,
        label
            .map(
                l ->
                    "local engine: image "
                        + ref
                        + " has input hash "
                        + ServiceInputs.shortHash(l)
                        + ", not "
                        + hashes.imageShort())
            .orElse("local engine: no image " + ref + " with an input hash label"));
  }

  /** Records what buildx just made, with its sizes when they were measured. */
  void recordBuilt(Service service, Map<String, ImageSizes> sizes) {
    incremental.ifPresent(
        inc -> hashes(service).ifPresent(h -> record(inc.index(), service, h, sizes)));
  }

  private void record(BuildIndex index, Service service, Hashes h, Map<String, ImageSizes> sizes) {
    String image = pushes() ? hashReference(service, h) : names.reference(service.name());
    h.perPlatform()
        .forEach(
            (platform, hash) -> {
              Optional<ImageSizes> s = Optional.ofNullable(sizes.get(platform));
              index.record(
                  service.name(),
                  platform,
                  hash,
                  h.image(),
                  image,
                  s.map(z -> OptionalLong.of(z.uncompressedBytes())).orElse(OptionalLong.empty()),
                  s.map(z -> OptionalLong.of(z.compressedBytes())).orElse(OptionalLong.empty()));
            });
  }

  /** Sizes from the index when it has them for this image hash; else measured and recorded. */
  private Map<String, ImageSizes> sizes(Service service, Hashes h) {
    BuildIndex index = incremental.orElseThrow().index();
    Map<String, ImageSizes> sizes = new LinkedHashMap<>();
    for (String platform : settings.platformsOf(service)) {
      index
          .find(service.name(), platform, h.image())
          .filter(BuildIndex.Entry::hasSizes)
          .ifPresent(
              e ->
                  sizes.put(
                      platform,
                      new ImageSizes(platform, e.compressedBytes(), e.uncompressedBytes())));
    }
    if (sizes.size() == settings.platformsOf(service).size()) {
      return sizes;
    }
    Map<String, ImageSizes> measured = engine.imageSizes(names.reference(service.name()));
    record(index, service, h, measured);
    return measured;
  }

  /**
   * Points the profile's tags at the image found by its hash tag: a registry-side copy.
   *
   * @return what imagetools did; empty when the tags already name that image
   */
  private Optional<ProcessResult> retag(
      Service service, Hashes h, Lookup found, BuildListener listener) {
    RegistryClient.Answer current =
        incremental.orElseThrow().registry().head(names.reference(service.name()));
    if (current.found()
        && found.digest().isPresent()
        && current.digest().equals(found.digest())
        && service.descriptor().tags().isEmpty()) {
      return Optional.empty();
    }
    List<String> argv = new ArrayList<>(List.of("docker", "buildx", "imagetools", "create"));
    names
        .references(service.name(), service.descriptor().tags())
        .forEach(ref -> argv.addAll(List.of("--tag", ref)));
    argv.add(hashReference(service, h));
    return Optional.of(
        runner.run(
            Command.of(argv, settings.root()),
            line -> listener.on(new BuildEvent.Output(service.name(), line))));
  }

  private ServiceResult failedRetag(
      Service service, Duration took, ProcessResult retag, String found) {
    return PlatformResults.unmeasured(
        service,
        settings.platformsOf(service),
        names.reference(service.name()),
        BuildStatus.FAILED,
        took,
        found
            + ", but retagging it failed: docker buildx imagetools create exited with "
            + retag.exitCode(),
        retag.tail(ServiceBuild.TAIL_LINES));
  }

  String hashReference(Service service, Hashes h) {
    return names.repository(service.name()) + ":hash-" + h.imageShort();
  }

  private boolean pushes() {
    return settings.profile().output() == Profile.Output.PUSH
        && settings.profile().registry().isPresent();
  }
}
