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
import dev.orchestrator.core.uptodate.Decision;
import dev.orchestrator.core.uptodate.HashTag;
import dev.orchestrator.core.uptodate.ImageLookup;
import dev.orchestrator.core.uptodate.LocalImageLookup;
import dev.orchestrator.core.uptodate.Lookup;
import dev.orchestrator.core.uptodate.RegistryImageLookup;
import dev.orchestrator.core.uptodate.RetagResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The step before buildx: computes a service's input hashes and asks the profile's {@link
 * ImageLookup} for an image that already carries them: the local engine (the input-hash label of
 * the profile's reference) for {@code load}, the registry (the {@link HashTag}, by manifest HEAD)
 * for {@code push} and {@code push-by-digest}. {@link Decision} decides; found, buildx does not
 * run. A {@code push} profile then moves its tags to the image found, and a refused move fails the
 * service.
 */
final class UpToDateCheck {
  static final String LABEL = LocalImageLookup.LABEL;

  private final BuildSettings settings;
  private final Engine engine;
  private final CommandRunner runner;
  private final ImageNames names;
  private final Optional<Incremental> incremental;
  private final ImageMeasure measure;
  // Written by the executors' threads, each for its own service; read when its result is made.
  private final Map<String, String> buildReasons = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Lookup> lookups = new java.util.concurrent.ConcurrentHashMap<>();

  UpToDateCheck(BuildSettings settings, Engine engine, ImageNames names, CommandRunner runner) {
    this.settings = settings;
    this.engine = engine;
    this.runner = runner;
    this.names = names;
    this.incremental = settings.incremental();
    this.measure = new ImageMeasure(settings, engine);
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

  /** How this build measures images: shared with the service build, so layers are read once. */
  ImageMeasure measure() {
    return measure;
  }

  /** The label every build gets: the image's input hash; none without incremental builds. */
  Map<String, String> labels(Service service) {
    return hashes(service).map(h -> Map.of(LABEL, h.image())).orElse(Map.of());
  }

  /** The hash tag a pushed image also gets, so that a later build finds it in the registry. */
  List<String> extraTags(Service service) {
    return hashes(service)
        .filter(h -> pushes())
        .map(h -> List.of(hashReference(service, h)))
        .orElse(List.of());
  }

  /** The up-to-date result, when an image with this service's input hash exists. */
  Optional<ServiceResult> check(Service service, long start, BuildListener listener) {
    Optional<Hashes> hashed = hashes(service);
    boolean force = incremental.map(Incremental::force).orElse(false);
    Decision decision =
        Decision.of(
            hashed.isPresent(), force, hashed.filter(h -> !force).map(h -> lookup(service, h)));
    if (!(decision instanceof Decision.UpToDate found)) {
      buildReasons.put(service.name(), decision.reason());
      return Optional.empty();
    }
    Hashes hashes = hashed.orElseThrow();
    if (pushes()) {
      RetagResult retag = retag(service, hashes, found, listener);
      if (!retag.done()) {
        // The image exists, but its tags still name an older one: reporting it up to date would
        // publish the wrong image under them.
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return Optional.of(
            failedRetag(service, took, retag, "found " + hashReference(service, hashes)));
      }
    }
    Map<String, ImageSizes> sizes = sizes(service, hashes, found.digest());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String image = names.reference(service.name());
    // One platform per push-by-digest job: the digest found is that platform's image.
    Optional<String> digest = pushesByDigest() ? found.digest() : Optional.empty();
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
              digest));
    }
    return Optional.of(
        new ServiceResult(
            service.name(),
            image,
            BuildStatus.UP_TO_DATE,
            took,
            platforms,
            found.reason(),
            List.of()));
  }

  /** Why {@link #check} decided to build the service; empty when it did not decide so. */
  String buildReason(Service service) {
    return buildReasons.getOrDefault(service.name(), "");
  }

  /** Whether the check would find the service up to date; changes nothing (no retag). */
  boolean found(Service service) {
    if (incremental.isEmpty() || incremental.get().force()) {
      return false;
    }
    return lookup(service, hashes(service).orElseThrow()).found();
  }

  /**
   * Looks without changing anything: for the check and for {@code --explain}. Each service is
   * looked up once per hash and build: the external-base check, the Maven step and the build itself
   * all ask, and each look-up is an engine or registry round trip.
   */
  Lookup lookup(Service service, Hashes hashes) {
    String key = service.name() + "\0" + hashes.image();
    Lookup known = lookups.get(key);
    if (known != null) {
      return known;
    }
    // Not computeIfAbsent: that would hold other services' look-ups behind this round trip.
    Lookup found = lookupNow(service, hashes);
    lookups.putIfAbsent(key, found);
    return found;
  }

  private Lookup lookupNow(Service service, Hashes hashes) {
    if (pushes() || pushesByDigest()) {
      ImageLookup registry = new RegistryImageLookup(incremental.orElseThrow().registry());
      return registry.find(hashReference(service, hashes), hashes.image());
    }
    if (settings.profile().output() != Profile.Output.LOAD) {
      return Lookup.missing("no local engine or registry to look in");
    }
    return new LocalImageLookup(engine).find(names.reference(service.name()), hashes.image());
  }

  /**
   * After a push by digest: tags the pushed image with its hash tag, in the registry (the same
   * manifest bytes under a second name), so the next job of this architecture finds it.
   *
   * @return empty when done or not needed, else why it failed
   */
  Optional<String> tagPushed(Service service, Optional<String> digest) {
    if (!pushesByDigest() || digest.isEmpty()) {
      return Optional.empty();
    }
    Optional<Hashes> hashes = hashes(service);
    if (hashes.isEmpty()) {
      return Optional.empty();
    }
    String tag = hashReference(service, hashes.get());
    try {
      new dev.orchestrator.core.uptodate.RegistryTagger(incremental.orElseThrow().registry())
          .tag(names.repository(service.name()) + "@" + digest.get(), tag);
      return Optional.empty();
    } catch (dev.orchestrator.core.error.EnvironmentException e) {
      return Optional.of(
          "pushed " + digest.get() + ", but tagging it " + tag + " failed: " + e.getMessage());
    }
  }

  /** Records what buildx just made, with its sizes when they were measured. */
  void recordBuilt(Service service, Map<String, ImageSizes> sizes) {
    incremental.ifPresent(
        inc -> hashes(service).ifPresent(h -> record(inc.index(), service, h, sizes)));
  }

  private void record(BuildIndex index, Service service, Hashes h, Map<String, ImageSizes> sizes) {
    String image =
        pushes() || pushesByDigest() ? hashReference(service, h) : names.reference(service.name());
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
  private Map<String, ImageSizes> sizes(Service service, Hashes h, Optional<String> digest) {
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
    Map<String, ImageSizes> measured = measure.sizes(service, digest, hashReference(service, h));
    record(index, service, h, measured);
    return measured;
  }

  /**
   * Points the profile's tags at the image found by its hash tag: a registry-side copy.
   *
   * @return what imagetools did; empty when the tags already name that image
   */
  private RetagResult retag(
      Service service, Hashes h, Decision.UpToDate found, BuildListener listener) {
    RegistryClient.Answer current =
        incremental.orElseThrow().registry().head(names.reference(service.name()));
    if (current.found()
        && found.digest().isPresent()
        && current.digest().equals(found.digest())
        && service.descriptor().tags().isEmpty()) {
      return RetagResult.notNeeded();
    }
    List<String> argv = new ArrayList<>(List.of("docker", "buildx", "imagetools", "create"));
    names
        .references(service.name(), service.descriptor().tags())
        .forEach(ref -> argv.addAll(List.of("--tag", ref)));
    argv.add(hashReference(service, h));
    ProcessResult r =
        runner.run(
            Command.of(argv, settings.root()),
            line -> listener.on(new BuildEvent.Output(service.name(), line)));
    return r.succeeded()
        ? new RetagResult(true, "retagged", List.of())
        : new RetagResult(
            false,
            "docker buildx imagetools create exited with " + r.exitCode(),
            r.tail(ServiceBuild.TAIL_LINES));
  }

  private ServiceResult failedRetag(
      Service service, Duration took, RetagResult retag, String found) {
    return PlatformResults.unmeasured(
        service,
        settings.platformsOf(service),
        names.reference(service.name()),
        BuildStatus.FAILED,
        took,
        found + ", but retagging it failed: " + retag.detail(),
        retag.tail());
  }

  String hashReference(Service service, Hashes h) {
    String repository = names.repository(service.name());
    return pushesByDigest()
        ? HashTag.of(
            repository,
            h.image(),
            String.join(
                "-",
                settings.platformsOf(service).stream()
                    .map(dev.orchestrator.core.image.Platforms::archTag)
                    .toList()))
        : HashTag.of(repository, h.image());
  }

  private boolean pushes() {
    return settings.profile().output() == Profile.Output.PUSH
        && settings.profile().registry().isPresent();
  }

  private boolean pushesByDigest() {
    return settings.profile().output() == Profile.Output.PUSH_BY_DIGEST
        && settings.profile().registry().isPresent();
  }
}
