package dev.orchestrator.core;

import dev.orchestrator.core.build.BuildExecutor;
import dev.orchestrator.core.build.BuildSettings;
import dev.orchestrator.core.build.Explanation;
import dev.orchestrator.core.build.Incremental;
import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.graph.Planner;
import dev.orchestrator.core.hash.Affected;
import dev.orchestrator.core.image.Platforms;
import dev.orchestrator.core.maven.MavenBuild;
import dev.orchestrator.core.progress.BuildEvent;
import dev.orchestrator.core.progress.BuildListener;
import dev.orchestrator.core.publish.DigestsOutput;
import dev.orchestrator.core.publish.JobMatrix;
import dev.orchestrator.core.publish.MergeOutcome;
import dev.orchestrator.core.publish.MergeRequest;
import dev.orchestrator.core.publish.Merger;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.ServiceResult;
import dev.orchestrator.core.state.FileTrees;
import dev.orchestrator.core.verify.VerifyReport;
import dev.orchestrator.core.verify.VerifyRun;
import dev.orchestrator.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one entry point every front end calls: the CLI command and the Maven goal each build a
 * request and call one method here.
 */
public final class Orchestrator {
  private final Supplier<Engine> engines;

  /**
   * @param engines connects to the engine; called only by verbs that need one
   */
  public Orchestrator(Supplier<Engine> engines) {
    this.engines = engines;
  }

  public Plan plan(Path root, List<String> services) {
    return Planner.plan(Workspace.load(root).graph(), services);
  }

  public BuildOutcome build(BuildRequest request, BuildListener listener) {
    Workspace workspace = Workspace.load(request.root());
    Profile profile = workspace.profile(request.profile());
    List<String> platforms = Platforms.chosen(request.platforms(), profile);
    DigestsOutput.check(profile, platforms);
    Plan plan = UpToDate.plan(workspace, request);
    int jobs = request.jobs() > 0 ? request.jobs() : profile.jobs();
    try (Incremental incremental = UpToDate.open(workspace, plan, request.force())) {
      BuildSettings settings =
          UpToDate.withIncremental(
              new BuildSettings(workspace.root(), profile, platforms, jobs, request.failFast()),
              incremental);
      return build(request, workspace, plan, platforms, settings, listener);
    }
  }

  private BuildOutcome build(
      BuildRequest request,
      Workspace workspace,
      Plan plan,
      List<String> platforms,
      BuildSettings settings,
      BuildListener listener) {
    Map<String, Service> services = workspace.repository().byName();
    List<String> mavenModules = workspace.mavenProjects(plan.services());
    listener.on(new BuildEvent.Planned(plan, platforms));
    if (request.dryRun()) {
      Map<String, List<String>> commands = new LinkedHashMap<>();
      if (!mavenModules.isEmpty()) {
        commands.put("maven", MavenBuild.goalsAndOptions(mavenModules));
      }
      commands.putAll(
          new BuildExecutor(settings, null, listener).dryRun(plan, workspace.graph(), services));
      return new BuildOutcome(plan, platforms, commands, Optional.empty());
    }
    try (Engine engine = engines.get()) {
      listener.on(new BuildEvent.Phase("", "preflight"));
      engine.preflight(platforms);
      BuildExecutor executor = new BuildExecutor(settings, engine, listener);
      Map<String, ServiceResult> mavenFailures =
          buildJars(workspace, services, mavenModules, executor, listener);
      BuildReport report = executor.run(plan, workspace.graph(), services, mavenFailures);
      if (settings.profile().output() == Profile.Output.PUSH_BY_DIGEST) {
        Path file =
            request
                .digestsFile()
                .orElse(DigestsOutput.defaultFile(settings.stateDirectory(), platforms));
        DigestsOutput.write(DigestsOutput.of(report, settings.profile(), file));
        listener.on(new BuildEvent.Phase("", "digests: " + file));
      }
      return new BuildOutcome(plan, platforms, Map.of(), Optional.of(report));
    }
  }

  /**
   * Runs every image of the selected services, for every platform, and checks it: health, user,
   * read-only root, health endpoint, labels, size. Containers are removed whatever happens.
   */
  public VerifyReport verify(VerifyRequest request, BuildListener listener) {
    Workspace workspace = Workspace.load(request.root());
    Profile profile = workspace.profile(request.profile());
    List<String> platforms = Platforms.chosen(request.platforms(), profile);
    Plan plan = Planner.plan(workspace.graph(), request.services());
    var names = new dev.orchestrator.core.image.ImageNames(profile);
    Map<Service, String> images = new LinkedHashMap<>();
    plan.services().stream()
        .filter(s -> request.services().isEmpty() || request.services().contains(s))
        .forEach(s -> images.put(workspace.repository().byName().get(s), names.reference(s)));
    try (Engine engine = engines.get()) {
      listener.on(new BuildEvent.Phase("", "preflight"));
      String host = engine.preflight(platforms).hostPlatform();
      int jobs = request.jobs() > 0 ? request.jobs() : profile.jobs();
      return new VerifyRun(engine, host, jobs, listener).run(images, platforms);
    }
  }

  /**
   * Why a service would or would not be rebuilt by this request: its input hashes, what they come
   * from, and where an image with them was looked for. Builds nothing.
   */
  public Explanation explain(BuildRequest request, String service) {
    Workspace workspace = Workspace.load(request.root());
    Profile profile = workspace.profile(request.profile());
    List<String> platforms = Platforms.chosen(request.platforms(), profile);
    Plan plan = Planner.plan(workspace.graph(), List.of(service));
    try (Incremental incremental = UpToDate.open(workspace, plan, request.force())) {
      BuildSettings settings =
          UpToDate.withIncremental(
              new BuildSettings(workspace.root(), profile, platforms, 1, false), incremental);
      Service s = workspace.repository().byName().get(service);
      if (profile.output() != Profile.Output.LOAD) {
        return Explanation.of(settings, null, s, workspace.graph().dependenciesOf(service));
      }
      try (Engine engine = engines.get()) {
        return Explanation.of(settings, engine, s, workspace.graph().dependenciesOf(service));
      }
    }
  }

  /**
   * The services whose inputs changed between a git revision and the working tree, with their
   * dependents, each with the reason (a file, or the dependency it was reached through).
   */
  public List<Affected.Entry> affected(Path root, String sinceRef) {
    return UpToDate.affected(Workspace.load(root), sinceRef);
  }

  /** Runs Maven once for every module the planned images need; a failure fails them all. */
  private static Map<String, ServiceResult> buildJars(
      Workspace workspace,
      Map<String, Service> services,
      List<String> modules,
      BuildExecutor executor,
      BuildListener listener) {
    if (modules.isEmpty()) {
      return Map.of();
    }
    listener.on(new BuildEvent.Phase("maven", "package " + String.join(",", modules)));
    MavenBuild.Result maven =
        MavenBuild.packageModules(
            workspace.root(), modules, line -> listener.on(new BuildEvent.Output("maven", line)));
    if (maven.succeeded()) {
      return Map.of();
    }
    Map<String, ServiceResult> failures = new LinkedHashMap<>();
    services.values().stream()
        .filter(
            s ->
                modules.contains(
                    workspace
                        .maven()
                        .module(s.directory())
                        .map(m -> m.relativeDirectory())
                        .orElse("")))
        .forEach(
            s ->
                failures.put(
                    s.name(),
                    executor.failure(
                        s,
                        Duration.ofNanos(0),
                        "Maven build of its module failed (exit " + maven.exitCode() + ")",
                        maven
                            .output()
                            .subList(
                                Math.max(0, maven.output().size() - 40), maven.output().size()))));
    return failures;
  }

  /** The per-architecture CI jobs for the platforms given, else the profile's. */
  public List<JobMatrix.Job> matrix(
      Path root, Optional<String> profileName, List<String> platforms) {
    Workspace workspace = Workspace.load(root);
    Profile profile = workspace.profile(profileName);
    Path dir = workspace.root().resolve(workspace.repository().config().profilesDir());
    return JobMatrix.jobs(
        platforms.isEmpty() ? profile.platforms() : platforms,
        dir,
        dev.orchestrator.core.config.ProfileReader.available(dir));
  }

  /**
   * Joins the per-architecture jobs' images, pushed by digest, into tagged multi-platform images.
   */
  public MergeOutcome merge(MergeRequest request) {
    return Merger.merge(Workspace.load(request.root()), request);
  }

  /**
   * Removes what builds left behind: the local build cache, the orchestrator's state and, when an
   * engine answers, the images the profile names.
   *
   * @return one line per thing removed
   */
  public List<String> clean(Path root, Optional<String> profileName) {
    Workspace workspace = Workspace.load(root);
    Profile profile = workspace.profile(profileName);
    List<String> removed = new java.util.ArrayList<>();
    if (profile.cache().type() == Profile.Cache.Type.LOCAL) {
      removed.addAll(
          FileTrees.delete(workspace.root().resolve(profile.cache().location()), workspace.root()));
    }
    removed.addAll(
        FileTrees.delete(workspace.root().resolve(".cache/orchestrator"), workspace.root()));
    if (profile.output() == Profile.Output.LOAD) {
      try (Engine engine = engines.get()) {
        var names = new dev.orchestrator.core.image.ImageNames(profile);
        for (Service s : workspace.repository().services()) {
          String ref = names.reference(s.name());
          if (engine.imageExists(ref)) {
            engine.removeImage(ref);
            removed.add("image " + ref);
          }
        }
      }
    }
    return removed;
  }
}
