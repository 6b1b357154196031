package dev.orchestrator.core.build;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.engine.TimestampRewrite;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.image.ImageNames;
import dev.orchestrator.core.layers.BuildStep;
import dev.orchestrator.core.layers.PlatformImage;
import dev.orchestrator.core.layers.StepRecord;
import dev.orchestrator.core.layers.StepRecordFile;
import dev.orchestrator.core.layers.StepRecords;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import dev.orchestrator.core.progress.BuildEvent;
import dev.orchestrator.core.progress.BuildListener;
import dev.orchestrator.core.result.BuildStatus;
import dev.orchestrator.core.result.PlatformResult;
import dev.orchestrator.core.result.ServiceResult;
import dev.orchestrator.core.size.ImageSizes;
import dev.orchestrator.core.state.StateFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds one service: preparation, buildx, then size measurement and budget checks. */
final class ServiceBuild {
  static final int TAIL_LINES = 30;

  private final BuildSettings settings;
  private final Engine engine;
  private java.util.concurrent.CompletableFuture<Void> builderProbe;
  private final CommandRunner runner;
  // Until buildx is asked (dry runs never ask), no rewrite-timestamp: the docker driver refuses it.
  private volatile TimestampRewrite rewrite = TimestampRewrite.NOT_ASKED;
  private final BuildListener listener;
  private final ImageNames names;
  private final PrepareStep prepare;
  private final java.util.Set<String> preparedAhead =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final UpToDateCheck upToDate;

  ServiceBuild(
      BuildSettings settings, Engine engine, CommandRunner runner, BuildListener listener) {
    this.settings = settings;
    this.engine = engine;
    this.runner = runner;
    this.listener = listener;
    this.names = settings.profile().imageNames();
    this.prepare = new PrepareStep(settings.state().prepareStamps(), runner);
    this.upToDate = new UpToDateCheck(settings, engine, names, runner);
  }

  /**
   * @param namedContexts in-repo images this Dockerfile refers to: context name to image reference
   */
  List<String> argv(Service service, Map<String, String> namedContexts) {
    Map<String, String> contexts = new TreeMap<>();
    namedContexts.forEach((name, ref) -> contexts.put(name, "docker-image://" + ref));
    return BuildxCommand.argv(
        imageBuild(service, contexts),
        settings.profile().builderFor(settings.platformsOf(service)),
        settings.state().buildMetadata(service.name()));
  }

  /**
   * The reproducibility gate's rebuild of one service: its normal build options, no cache, exported
   * to the OCI layout folder {@code dir}.
   */
  List<String> reproducibleArgv(
      Service service, Map<String, String> namedContexts, Path dir, boolean rewriteTimestamp) {
    Map<String, String> contexts = new TreeMap<>();
    namedContexts.forEach((name, ref) -> contexts.put(name, "docker-image://" + ref));
    return BuildxCommand.noCacheArgv(
        imageBuild(service, contexts).toOciLayout(dir, rewriteTimestamp),
        settings.profile().builderFor(settings.platformsOf(service)),
        Path.of(dir + ".metadata.json"));
  }

  /** Builds one service with its own {@code docker buildx build}. */
  ServiceResult run(Service service, Map<String, String> namedContexts) {
    long start = System.nanoTime();
    Optional<ServiceResult> settled = beforeBuild(service, start);
    if (settled.isPresent()) {
      return settled.get();
    }
    String name = service.name();
    List<String> argv = argv(service, namedContexts);
    createParent(argv.get(argv.indexOf("--metadata-file") + 1));
    listener.on(new BuildEvent.Started(name, argv));
    ProcessResult result =
        TransientFailure.runOnceMoreIfNeeded(
            () ->
                runner.run(
                    settings.buildxCommand(argv),
                    line -> listener.on(new BuildEvent.Output(name, line))),
            why -> listener.on(new BuildEvent.Phase(name, why)));
    if (!result.succeeded()) {
      return failed(
          service,
          start,
          "docker buildx build exited with " + result.exitCode() + scannerFailure(result),
          result.tail(TAIL_LINES));
    }
    BuildOutput.StepCounts steps = BuildOutput.cacheUse(result.output());
    Optional<String> digest = Optional.empty();
    Path metadata = Path.of(argv.get(argv.indexOf("--metadata-file") + 1));
    if (settings.profile().pushes() && settings.platformsOf(service).size() == 1) {
      digest = BuildMetadata.digest(metadata);
    }
    return afterBuild(
        service,
        Duration.ofNanos(System.nanoTime() - start),
        new Progress(steps, result.output(), Optional.empty()),
        steps.allCached() ? BuildStatus.CACHED : BuildStatus.BUILT,
        digest,
        "buildx wrote no containerimage.digest to " + metadata,
        result.tail(TAIL_LINES));
  }

  /** {@code ": why"} when an SBOM scanner that could not be pulled failed the build, else "". */
  String scannerFailure(ProcessResult result) {
    return settings.profile().attestations().sbom()
        ? BuildOutput.scannerFailure(result.output()).map(m -> ": " + m).orElse("")
        : "";
  }

  /**
   * What buildx's progress said about one service.
   *
   * @param steps its step and cache-hit counts
   * @param lines its progress lines, for the per-layer cache record
   * @param target the bake target name prefixing its vertices (a session of several targets)
   */
  record Progress(BuildOutput.StepCounts steps, List<String> lines, Optional<String> target) {}

  /**
   * A service buildx built, alone or in a session: a push by digest must have left its digest, and
   * the pushed image gets its hash tag (so the next job finds it); then sizes and the index.
   *
   * @param digest the pushed image's digest, when buildx reported one
   * @param noDigest the failure message when a push by digest left none
   * @param tail buildx's last lines, for that failure
   */
  ServiceResult afterBuild(
      Service service,
      Duration took,
      Progress progress,
      BuildStatus status,
      Optional<String> digest,
      String noDigest,
      List<String> tail) {
    if (digest.isEmpty() && settings.profile().output() == Profile.Output.PUSH_BY_DIGEST) {
      return withStatus(service, BuildStatus.FAILED, took, noDigest, tail);
    }
    if (digest.isPresent() && settings.profile().attestations().any()) {
      // buildx reported the index of the platform manifest and its attestations.
      try {
        digest = Optional.of(upToDate.measure().platformManifest(service, digest.get()));
      } catch (dev.orchestrator.core.error.EnvironmentException e) {
        return withStatus(
            service,
            BuildStatus.FAILED,
            took,
            "pushed "
                + digest.get()
                + ", but reading its platform manifest failed: "
                + e.getMessage(),
            List.of());
      }
    }
    Optional<String> untagged = upToDate.tagPushed(service, digest);
    if (untagged.isPresent()) {
      return withStatus(service, BuildStatus.FAILED, took, untagged.get(), List.of());
    }
    return built(service, took, progress, status, digest);
  }

  /**
   * What comes before buildx: the platform check, the preparation step and the up-to-date check.
   *
   * @return the service's result when it is settled without building (skipped, failed preparation,
   *     up to date); empty when it must be built
   */
  Optional<ServiceResult> beforeBuild(Service service, long start) {
    String name = service.name();
    if (settings.platformsOf(service).isEmpty()) {
      return Optional.of(
          withStatus(
              service,
              BuildStatus.SKIPPED,
              Duration.ZERO,
              "its platforms "
                  + service.descriptor().platforms()
                  + " include none of "
                  + settings.platforms(),
              List.of()));
    }
    if (!preparedAhead.contains(name)) {
      Optional<ServiceResult> failed = prepare(service, start);
      if (failed.isPresent()) {
        return failed;
      }
    }
    return upToDate.check(service, start, listener);
  }

  /**
   * Runs a service's preparation before any up-to-date decision is made: it writes the service's
   * context, so its hash and those of everything built on it are known only after it. The build
   * then does not run it again.
   *
   * @return the service's failure, when its preparation failed
   */
  Optional<ServiceResult> prepareAhead(Service service) {
    Optional<ServiceResult> failed = prepare(service, System.nanoTime());
    if (failed.isEmpty()) {
      preparedAhead.add(service.name());
    }
    return failed;
  }

  private Optional<ServiceResult> prepare(Service service, long start) {
    if (service.descriptor().prepare().isEmpty()) {
      return Optional.empty();
    }
    String name = service.name();
    listener.on(new BuildEvent.Phase(name, "preparing"));
    PrepareStep.Outcome outcome =
        prepare.run(service, line -> listener.on(new BuildEvent.Output(name, line)));
    if (!outcome.succeeded()) {
      ProcessResult r = outcome.result().orElseThrow();
      return Optional.of(
          failed(
              service,
              start,
              "preparation " + r.command() + " exited with " + r.exitCode(),
              r.tail(TAIL_LINES)));
    }
    listener.on(
        new BuildEvent.Phase(name, outcome.skipped() ? "preparation up to date" : "prepared"));
    if (!outcome.skipped()) {
      upToDate.preparationRan(service);
    }
    return Optional.empty();
  }

  /** Asks buildx once, before the first build: whether it offers the build's platforms. */
  void requireBuilder() {
    try {
      probeBuilderAhead().join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Starts asking buildx now, in the background, once the look-ups show that something needs
   * building: the probe (0.11 to 0.16 s, unless an earlier run's answer serves) then overlaps the
   * external-base check and Maven instead of delaying the first build. {@link #requireBuilder}
   * waits for it, and fails with its error.
   */
  synchronized java.util.concurrent.CompletableFuture<Void> probeBuilderAhead() {
    if (builderProbe == null) {
      builderProbe =
          java.util.concurrent.CompletableFuture.runAsync(
              () -> {
                engine.requireBuilder(settings.platforms());
                rewrite = engine.timestampRewrite();
              },
              runnable -> {
                Thread t = new Thread(runnable, "buildx-probe");
                t.setDaemon(true);
                t.start();
              });
    }
    return builderProbe;
  }

  /** An image with the service's input hash exists (and no {@code --force}). */
  boolean upToDate(Service service) {
    return upToDate.found(service);
  }

  /**
   * The build options of a service built in a BuildKit session with others (input-hash label and,
   * when pushing, hash tag included).
   */
  ImageBuild imageBuild(Service service, Map<String, String> contexts) {
    return ImageBuild.of(
        service,
        settings.profile(),
        settings.platformsOf(service),
        contexts,
        settings.root(),
        labels(service),
        upToDate.extraTags(service),
        settings.epochs().apply(service),
        rewrite.supported());
  }

  /**
   * Every label the orchestrator gives an image: the service's own ({@code labels:}), the
   * tool-added OCI labels, and the input hash.
   */
  private Map<String, String> labels(Service service) {
    Map<String, String> labels = new LinkedHashMap<>(new TreeMap<>(service.descriptor().labels()));
    labels.putAll(settings.labelsOf(service));
    labels.putAll(upToDate.labels(service));
    return labels;
  }

  /** The result of a service buildx built: sizes measured (loaded images), the index updated. */
  ServiceResult built(
      Service service,
      Duration took,
      Progress progress,
      BuildStatus status,
      Optional<String> digest) {
    String name = service.name();
    BuildOutput.StepCounts steps = progress.steps();
    Map<String, PlatformImage> images =
        upToDate.measure().images(service, digest, names.reference(name));
    Map<String, ImageSizes> sizes = new TreeMap<>();
    images.forEach((platform, image) -> sizes.put(platform, image.sizes()));
    if (images.isEmpty()) {
      sizes.putAll(upToDate.measure().sizes(service, digest, names.reference(name)));
    }
    upToDate.recordBuilt(service, sizes);
    recordSteps(service, progress, images);
    List<PlatformResult> platforms = new ArrayList<>();
    for (String platform : settings.platformsOf(service)) {
      platforms.add(
          PlatformResults.of(
              service,
              platform,
              status,
              took,
              names.reference(name),
              Optional.ofNullable(sizes.get(platform)),
              steps,
              digest));
    }
    return new ServiceResult(
        name,
        names.reference(name),
        status,
        took,
        platforms,
        "",
        List.of(),
        upToDate.buildReason(service));
  }

  /**
   * Which layers this build took from the cache, for {@code orchestrator layers}: kept per platform
   * with the manifest it made, so it is never applied to another image.
   */
  private void recordSteps(Service service, Progress progress, Map<String, PlatformImage> images) {
    Map<String, String> manifests = new TreeMap<>();
    images.forEach((platform, image) -> manifests.put(platform, image.manifestDigest()));
    Map<String, StepRecord> records =
        StepRecords.of(
            BuildStep.parse(progress.lines(), progress.target()),
            service.dockerfileInfo(),
            service.descriptor().target(),
            manifests);
    if (!records.isEmpty()) {
      StepRecordFile.write(settings.state().layerSteps(service.name()), records);
    }
  }

  ServiceResult failed(Service service, long start, String message, List<String> tail) {
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return withStatus(service, BuildStatus.FAILED, took, message, tail);
  }

  /**
   * Every planned service without a result when a build stops early (interrupted, or {@code
   * --fail-fast}) is skipped, saying why, and announced as finished.
   */
  void skipUnfinished(
      List<String> planned,
      Map<String, Service> services,
      Map<String, ServiceResult> results,
      boolean interrupted) {
    String reason = interrupted ? "interrupted" : "--fail-fast: stopped after the first failure";
    for (String s : planned) {
      if (!results.containsKey(s)) {
        ServiceResult skipped =
            withStatus(services.get(s), BuildStatus.SKIPPED, Duration.ZERO, reason, List.of());
        results.put(s, skipped);
        listener.on(new BuildEvent.Finished(skipped));
      }
    }
  }

  ServiceResult withStatus(
      Service service, BuildStatus status, Duration took, String message, List<String> tail) {
    return PlatformResults.unmeasured(
        service,
        settings.platformsOf(service),
        names.reference(service.name()),
        status,
        took,
        message,
        tail);
  }

  /** The folder of buildx's {@code --metadata-file}, in the state folder. */
  private static void createParent(String file) {
    Path folder = Path.of(file).getParent();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw FileErrors.environment(
          "create",
          folder,
          e,
          "It holds buildx's --metadata-file; everything under "
              + StateFolder.RELATIVE
              + " may be deleted (`orchestrator clean` does).");
    }
  }
}
