package dev.orchestrator.core;

import dev.orchestrator.core.build.BuildExecutor;
import dev.orchestrator.core.build.BuildPreconditions;
import dev.orchestrator.core.build.BuildSettings;
import dev.orchestrator.core.build.Explanation;
import dev.orchestrator.core.build.ExternalBases;
import dev.orchestrator.core.build.Incremental;
import dev.orchestrator.core.build.OnceValue;
import dev.orchestrator.core.config.DigestsFileReader;
import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.config.ProfileOrigin;
import dev.orchestrator.core.config.Profiles;
import dev.orchestrator.core.config.RepositoryConfig;
import dev.orchestrator.core.config.RepositoryConfigReader;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.engine.Engines;
import dev.orchestrator.core.engine.OfflineEngine;
import dev.orchestrator.core.graph.Edge;
import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.graph.Planner;
import dev.orchestrator.core.graph.ServiceGraph;
import dev.orchestrator.core.graph.Wiring;
import dev.orchestrator.core.hash.Affected;
import dev.orchestrator.core.image.ImageLabels;
import dev.orchestrator.core.image.ImageNames;
import dev.orchestrator.core.image.Platforms;
import dev.orchestrator.core.lint.Finding;
import dev.orchestrator.core.lint.LintReport;
import dev.orchestrator.core.lint.Linter;
import dev.orchestrator.core.maven.MavenBuild;
import dev.orchestrator.core.maven.MavenOutput;
import dev.orchestrator.core.maven.ReactorModule;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.SystemCommandRunner;
import dev.orchestrator.core.progress.BuildEvent;
import dev.orchestrator.core.progress.BuildListener;
import dev.orchestrator.core.publish.DigestsOutput;
import dev.orchestrator.core.publish.EarlierImages;
import dev.orchestrator.core.publish.JobMatrix;
import dev.orchestrator.core.publish.JobReport;
import dev.orchestrator.core.publish.MergeOutcome;
import dev.orchestrator.core.publish.MergeRequest;
import dev.orchestrator.core.publish.Merger;
import dev.orchestrator.core.publish.StagedMatrix;
import dev.orchestrator.core.registry.DockerConfig;
import dev.orchestrator.core.registry.RegistryClient;
import dev.orchestrator.core.reproduce.ReproducibleReport;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.BuildStatus;
import dev.orchestrator.core.result.ServiceResult;
import dev.orchestrator.core.state.BuildLock;
import dev.orchestrator.core.state.FileTrees;
import dev.orchestrator.core.state.InsideRepository;
import dev.orchestrator.core.state.StateFolder;
import dev.orchestrator.core.verify.Lineage;
import dev.orchestrator.core.verify.VerifyReport;
import dev.orchestrator.core.verify.VerifyRow;
import dev.orchestrator.core.verify.VerifyRun;
import dev.orchestrator.core.workspace.ServiceSummary;
import dev.orchestrator.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one entry point every front end calls: the CLI command and the Maven goal each build a
 * request and call one method here, once per verb.
 */
public final class Orchestrator {
  private final CommandRunner runner;
  private final Supplier<Engine> engines;
  private final Map<String, String> environment;
  private final Optional<String> registryOverride;

  /** The profile whose platforms {@code matrix} lists jobs for when no profile is named. */
  public static final String CI_PROFILE = "ci";

  /** The variable that gives pushing profiles their registry, when no command line does. */
  public static final String REGISTRY_VARIABLE = "ORCHESTRATOR_REGISTRY";

  /**
   * @param runner runs every external program: buildx, imagetools, git, preparation steps
   * @param engines connects to the engine; called only by verbs that need one
   * @param environment the variables {@code runner} runs programs with, where build secrets named
   *     by {@code env} are looked for before anything builds
   */
  public Orchestrator(
      CommandRunner runner, Supplier<Engine> engines, Map<String, String> environment) {
    this(runner, engines, environment, Optional.empty());
  }

  private Orchestrator(
      CommandRunner runner,
      Supplier<Engine> engines,
      Map<String, String> environment,
      Optional<String> registry) {
    this.runner = runner;
    this.engines = engines;
    this.environment = Map.copyOf(environment);
    this.registryOverride = registry;
  }

  /**
   * This orchestrator with the registry of profiles whose images or cache go to a registry set to
   * {@code registry} (the command line's {@code --registry}); without one, {@value
   * #REGISTRY_VARIABLE} gives it, else the profile's own {@code registry}.
   */
  public Orchestrator withRegistry(Optional<String> registry) {
    return new Orchestrator(runner, engines, environment, registry);
  }

  /**
   * Writes {@code orchestrator.yaml} with the service roots found, and on request the built-in
   * profiles (to edit) and a Makefile include with the {@code container-*} targets. Never
   * overwrites: a file that exists is reported and left, so a second init writes nothing.
   */
  public List<InitFile> init(Path root, boolean profiles, boolean makefile) {
    return RepositoryInit.run(root.toAbsolutePath().normalize(), profiles, makefile, runner);
  }

  /** Every profile of the repository, and where it comes from (built in, a file, or both). */
  public List<ProfileOrigin> profiles(Path root) {
    return profilesOf(root).origins();
  }

  /**
   * Checks that the profile named exists and is valid, for verbs that do not build with it ({@code
   * list}, {@code graph}, {@code plan}, {@code affected}): a mistyped name fails there too.
   */
  public void checkProfile(Path root, Optional<String> name) {
    if (name.isPresent()) {
      profilesOf(root).written(name.get());
    }
  }

  /** The profiles alone: reading them needs no discovery. */
  private static Profiles profilesOf(Path root) {
    RepositoryConfig config = RepositoryConfigReader.read(root);
    return Profiles.in(config.root().resolve(config.profilesDir()));
  }

  private Profile profile(Workspace workspace, Optional<String> name) {
    Optional<String> fromEnvironment =
        Optional.ofNullable(environment.get(REGISTRY_VARIABLE)).filter(r -> !r.isBlank());
    return workspace.profile(name, registryOverride.or(() -> fromEnvironment));
  }

  /** Programs run with this JVM's environment, as {@link SystemCommandRunner} does by default. */
  public Orchestrator(CommandRunner runner, Supplier<Engine> engines) {
    this(runner, engines, System.getenv());
  }

  /**
   * The real wiring: programs run with this JVM's environment, and the engine is the one that
   * environment names ({@code DOCKER_HOST}), for builds and engine calls alike.
   */
  public static Orchestrator onThisMachine() {
    SystemCommandRunner runner = SystemCommandRunner.inheritingEnvironment();
    return new Orchestrator(
        runner, () -> Engines.connect(runner, runner.environment()), runner.environment());
  }

  /**
   * The client for the registry calls the orchestrator makes itself, with credentials from the
   * Docker config this environment names (read when first needed).
   */
  private RegistryClient registry() {
    return new RegistryClient(() -> DockerConfig.load(environment, runner));
  }

  /** The services: Dockerfile, in-repo dependencies, external images. */
  public List<ServiceSummary> list(Path root) {
    return load(root).summaries();
  }

  /** The dependency graph, every edge with its reason. */
  public ServiceGraph graph(Path root) {
    return load(root).graph();
  }

  public Plan plan(Path root, List<String> services) {
    return Planner.plan(load(root).graph(), services);
  }

  /**
   * Builds the planned services (or, for a dry run, returns their exact commands); with {@link
   * BuildRequest#verifyAfter()}, then verifies what it built. The outcome carries the verdict.
   */
  public BuildOutcome build(BuildRequest request, BuildListener listener) {
    Workspace workspace = load(request.root());
    Profile profile = profile(workspace, request.profile());
    List<String> platforms = Platforms.chosen(request.platforms(), profile.platforms());
    DigestsOutput.check(profile, platforms);
    ownFolders(workspace, profile);
    Plan plan = UpToDate.plan(workspace, request, runner);
    Map<String, String> earlier = earlierImages(request, workspace, plan, platforms);
    Map<String, Service> services =
        BuildPreconditions.check(
            workspace.root(), plan.services(), workspace.repository().byName(), environment);
    lintBeforeBuilding(workspace, profile, plan.services(), listener);
    int jobs = request.jobs() > 0 ? request.jobs() : profile.jobs();
    // A dry run writes nothing, so it neither waits for nor blocks a running build.
    try (BuildLock lock = request.dryRun() ? null : lock(workspace, "build", request, listener)) {
      BuildOutcome built;
      try (Incremental incremental = UpToDate.open(workspace, plan, request.force(), registry())) {
        BuildSettings settings =
            UpToDate.withIncremental(
                    new BuildSettings(
                        workspace.root(), profile, platforms, jobs, request.failFast()),
                    incremental)
                .withProvenance(provenance(workspace))
                .withEarlierImages(earlier)
                .withEpochs(epochs(workspace, profile, incremental));
        built = build(request, workspace, services, plan, platforms, settings, listener);
        built = gateIfAsked(request, profile, workspace, services, settings, built, listener);
      }
      if (!request.verifyAfter() || built.report().isEmpty() || built.report().get().anyFailed()) {
        writeJobReport(request, profile, platforms, built, Optional.empty());
        return built;
      }
      VerifyReport verified =
          verify(VerifyRequest.afterBuild(request, platforms, built.report().get()), listener);
      writeJobReport(request, profile, platforms, built, Optional.of(verified));
      return new BuildOutcome(
          plan, platforms, built.commands(), built.report(), Optional.of(verified));
    }
  }

  /** A staged job's dependencies by digest, from earlier jobs' digests files; checked first. */
  private static Map<String, String> earlierImages(
      BuildRequest request, Workspace workspace, Plan plan, List<String> platforms) {
    if (request.dependenciesFrom().isEmpty()) {
      return Map.of();
    }
    return EarlierImages.resolve(
        plan,
        workspace.graph(),
        workspace.repository().byName(),
        platforms,
        request.dependenciesFrom(),
        request
            .digestsFile()
            .orElse(DigestsOutput.defaultFile(new StateFolder(request.root()), platforms)));
  }

  /**
   * Checks the services' Dockerfiles against the lint rules: the profile says whether warnings
   * count as errors. Builds nothing and needs no engine.
   *
   * @param services the services to lint (default: all); their dependencies are not added
   */
  public LintReport lint(Path root, Optional<String> profileName, List<String> services) {
    Workspace workspace = load(root);
    // Only its lint section matters here, so a registry is not required.
    Profile profile =
        workspace
            .profiles()
            .written(profileName.orElse(workspace.repository().config().defaultProfile()));
    // Planned only to refuse an unknown name as every verb does; dependencies are not linted.
    Planner.plan(workspace.graph(), services);
    return Linter.lint(
        workspace.repository(),
        services.isEmpty() ? workspace.graph().nodes() : services,
        profile.lint());
  }

  /**
   * Every planned service is linted before anything builds, dry runs included: an error (or, by the
   * profile, a warning) is bad configuration; the warnings are told and the build goes on.
   */
  private static void lintBeforeBuilding(
      Workspace workspace, Profile profile, List<String> planned, BuildListener listener) {
    LintReport report = Linter.lint(workspace.repository(), planned, profile.lint());
    report.throwIfErrors();
    for (Finding warning : report.warnings()) {
      listener.on(
          new BuildEvent.Phase(
              warning.service(), "warning: " + warning.where() + ": " + warning.summary()));
    }
  }

  /** A push-by-digest job's report beside its digests file: what the merge's barrier reads. */
  private static void writeJobReport(
      BuildRequest request,
      Profile profile,
      List<String> platforms,
      BuildOutcome built,
      Optional<VerifyReport> verified) {
    if (profile.output() != Profile.Output.PUSH_BY_DIGEST || built.report().isEmpty()) {
      return;
    }
    Map<String, String> verify = new LinkedHashMap<>();
    verified.ifPresent(
        v ->
            v.rows()
                .forEach(
                    row ->
                        verify.put(
                            row.service() + " " + row.platform(),
                            row.result() == VerifyRow.Result.FAILED
                                ? "failed"
                                : row.result() == VerifyRow.Result.PASSED ? "passed" : "not run")));
    Path digests =
        request
            .digestsFile()
            .orElse(DigestsOutput.defaultFile(new StateFolder(request.root()), platforms));
    JobReport.of(digests, platforms, built.report().get(), verified.isPresent(), verify).write();
  }

  private static BuildLock lock(
      Workspace workspace, String verb, BuildRequest request, BuildListener listener) {
    return BuildLock.acquire(
        new StateFolder(workspace.root()),
        verb,
        request.waitForLock(),
        notice -> listener.on(new BuildEvent.Phase("", notice)));
  }

  private BuildOutcome build(
      BuildRequest request,
      Workspace workspace,
      Map<String, Service> services,
      Plan plan,
      List<String> platforms,
      BuildSettings settings,
      BuildListener listener) {
    List<String> mavenModules = workspace.mavenProjects(plan.services());
    listener.on(new BuildEvent.Planned(plan.waves(), platforms));
    Map<String, Service> all = workspace.repository().byName();
    for (String name : plan.services()) {
      Wiring.warnings(all.get(name), all)
          .forEach(w -> listener.on(new BuildEvent.Phase(name, "warning: " + w)));
    }
    if (request.dryRun()) {
      Map<String, List<String>> commands = new LinkedHashMap<>();
      if (!mavenModules.isEmpty()) {
        commands.put("maven", MavenBuild.command(workspace.root(), mavenModules));
      }
      try (Engine offline = new OfflineEngine("a dry run")) {
        commands.putAll(
            new BuildExecutor(settings, offline, runner, listener)
                .dryRun(plan, workspace.graph(), services));
      }
      return new BuildOutcome(plan, platforms, commands, Optional.empty());
    }
    try (Engine engine = engines.get()) {
      listener.on(new BuildEvent.Phase("", "preflight"));
      BuildExecutor executor = new BuildExecutor(settings, engine, runner, listener);
      List<Service> withPreparations =
          plan.services().stream()
              .map(services::get)
              .filter(s -> s.descriptor().prepare().isPresent())
              .toList();
      // With no preparation to run first, the look-ups (they only read) go ahead on their own
      // threads while the preflight asks the engine its two questions, instead of after them. The
      // preflight's error is the one told: they are left to their daemon threads.
      OnceValue<Set<String>> upToDateAhead =
          new OnceValue<>(
              "up-to-date-lookups", () -> executor.upToDate(List.copyOf(services.values())));
      if (withPreparations.isEmpty()) {
        upToDateAhead.startInBackground();
      }
      // buildx is asked only once something is to be built (BuildExecutor).
      engine.preflightWithoutBuilder(platforms);
      // Preparations first: every up-to-date decision below hashes what they write.
      Map<String, ServiceResult> failures =
          new LinkedHashMap<>(executor.prepareAhead(withPreparations));
      Set<String> unprepared = workspace.graph().withDependents(List.copyOf(failures.keySet()));
      // Before any long work: a service whose external base cannot be had fails now, and
      // neither it nor its dependents get a Maven build. An image up to date needs no base.
      listener.on(new BuildEvent.Phase("", "checking external base images"));
      List<Service> prepared =
          services.values().stream().filter(s -> !unprepared.contains(s.name())).toList();
      Set<String> upToDate =
          withPreparations.isEmpty() ? upToDateAhead.get() : executor.upToDate(prepared);
      List<Service> toBuild = prepared.stream().filter(s -> !upToDate.contains(s.name())).toList();
      if (!toBuild.isEmpty()) {
        executor.expectBuilds();
      }
      new ExternalBases(engine, registry()::head)
          .missing(toBuild, all)
          .forEach(
              (name, why) ->
                  failures.put(
                      name, executor.failure(services.get(name), Duration.ZERO, why, List.of())));
      Set<String> cannotBuild = workspace.graph().withDependents(List.copyOf(failures.keySet()));
      Map<String, Service> buildable = new LinkedHashMap<>(services);
      buildable.keySet().removeAll(cannotBuild);
      // Maven runs only for the modules of images that are not up to date: a Maven module's input
      // hash covers its sources and POMs, not the jar, so it is known before Maven runs.
      List<String> stale =
          plan.services().stream()
              .filter(s -> !cannotBuild.contains(s))
              .filter(s -> workspace.isMavenModule(services.get(s)))
              .filter(s -> !executor.upToDate(services.get(s)))
              .toList();
      failures.putAll(
          buildJars(workspace, buildable, workspace.mavenProjects(stale), executor, listener));
      BuildReport report = executor.run(plan, workspace.graph(), services, failures);
      if (settings.profile().output() == Profile.Output.PUSH_BY_DIGEST) {
        Path file =
            request.digestsFile().orElse(DigestsOutput.defaultFile(settings.state(), platforms));
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
    Workspace workspace = load(request.root());
    Profile profile = profile(workspace, request.profile());
    List<String> platforms = Platforms.chosen(request.platforms(), profile.platforms());
    Plan plan = Planner.plan(workspace.graph(), request.services());
    ImageNames names = profile.imageNames();
    Map<Service, String> images = new LinkedHashMap<>();
    plan.services().stream()
        .filter(s -> request.services().isEmpty() || request.services().contains(s))
        .forEach(s -> images.put(workspace.repository().byName().get(s), names.reference(s)));
    if (profile.output() == Profile.Output.PUSH_BY_DIGEST) {
      Path file = digestsFile(request, profile, workspace, platforms);
      images.replaceAll(
          (service, tag) ->
              PulledImages.pull(
                  runner, workspace.root(), file, service.name(), platforms, listener));
    }
    try (Engine engine = engines.get()) {
      listener.on(new BuildEvent.Phase("", "preflight"));
      String host = engine.preflight(platforms).hostPlatform();
      int jobs = request.jobs() > 0 ? request.jobs() : profile.jobs();
      return new VerifyRun(engine, host, jobs, listener, lineage(workspace, names, images.keySet()))
          .run(images, platforms);
    }
  }

  /**
   * The reproducibility gate ({@code verify --reproducible}): each selected service (not its
   * dependencies) is built twice without cache, the same way, and the per-platform manifest digests
   * are compared; a difference names the first differing layer, its instruction and its files. Its
   * in-repo bases are taken as built, wired as in a normal build.
   */
  public ReproducibleReport verifyReproducible(VerifyRequest request, BuildListener listener) {
    Workspace workspace = load(request.root());
    Profile profile = profile(workspace, request.profile());
    List<String> platforms = Platforms.chosen(request.platforms(), profile.platforms());
    Plan plan = Planner.plan(workspace.graph(), request.services());
    List<Service> selected =
        plan.services().stream()
            .filter(s -> request.services().isEmpty() || request.services().contains(s))
            .map(workspace.repository().byName()::get)
            .toList();
    ownFolders(workspace, profile);
    new StateFolder(workspace.root()).beforeWriting();
    try (Engine engine = engines.get();
        Incremental incremental = UpToDate.open(workspace, plan, true, registry())) {
      listener.on(new BuildEvent.Phase("", "preflight"));
      engine.preflight(platforms);
      BuildSettings settings = gateSettings(workspace, profile, platforms, incremental, request);
      BuildExecutor executor = new BuildExecutor(settings, engine, runner, listener);
      // A fresh checkout has neither what preparations write nor jars: the rebuilds need both.
      Map<String, String> cannotRun = new LinkedHashMap<>();
      executor
          .prepareAhead(
              selected.stream().filter(s -> s.descriptor().prepare().isPresent()).toList())
          .forEach((name, failure) -> cannotRun.put(name, failure.message()));
      cannotRun.putAll(jarsForGate(workspace, selected, executor, listener));
      return reproducibleGate(workspace, settings, executor, listener, Map.of())
          .run(selected, cannotRun);
    }
  }

  /**
   * With the profile's {@code verify: {reproducible: true}}, a successful build then runs the
   * reproducibility gate on every service it built, found cached or up to date.
   */
  private BuildOutcome gateIfAsked(
      BuildRequest request,
      Profile profile,
      Workspace workspace,
      Map<String, Service> services,
      BuildSettings settings,
      BuildOutcome built,
      BuildListener listener) {
    if (!profile.verify().reproducible()
        || request.dryRun()
        || built.report().isEmpty()
        || built.report().get().anyFailed()) {
      return built;
    }
    Map<String, ServiceResult> results = new LinkedHashMap<>();
    built.report().get().services().forEach(r -> results.put(r.name(), r));
    List<Service> gated =
        built.report().get().services().stream()
            .filter(r -> r.status().succeeded())
            .map(r -> services.get(r.name()))
            .toList();
    // Maven ran in this build only for the services that were not up to date.
    List<Service> withoutJars =
        built.report().get().services().stream()
            .filter(r -> r.status() == BuildStatus.UP_TO_DATE)
            .map(r -> services.get(r.name()))
            .toList();
    listener.on(new BuildEvent.Phase("", "verify.reproducible: rebuilding without cache"));
    try (Engine engine = engines.get()) {
      BuildExecutor executor = new BuildExecutor(settings, engine, runner, listener);
      return built.withReproducible(
          reproducibleGate(workspace, settings, executor, listener, results)
              .run(gated, jarsForGate(workspace, withoutJars, executor, listener)));
    }
  }

  private BuildSettings gateSettings(
      Workspace workspace,
      Profile profile,
      List<String> platforms,
      Incremental incremental,
      VerifyRequest request) {
    Map<String, String> earlier = new LinkedHashMap<>();
    if (profile.output() == Profile.Output.PUSH_BY_DIGEST) {
      // A push-by-digest job's bases are named by digest: take them from its digests file.
      DigestsFileReader.read(digestsFile(request, profile, workspace, platforms))
          .services()
          .forEach(
              (service, images) ->
                  images.digests().values().stream()
                      .findFirst()
                      .ifPresent(d -> earlier.put(service, images.repository() + "@" + d)));
    }
    return UpToDate.withIncremental(
            new BuildSettings(workspace.root(), profile, platforms, 1, false), incremental)
        .withProvenance(provenance(workspace))
        .withEarlierImages(earlier)
        .withEpochs(epochs(workspace, profile, incremental));
  }

  /**
   * @param built this run's results, so that a base pushed by digest is wired by that digest
   */
  private ReproducibleGate reproducibleGate(
      Workspace workspace,
      BuildSettings settings,
      BuildExecutor executor,
      BuildListener listener,
      Map<String, ServiceResult> built) {
    return new ReproducibleGate(settings, executor, workspace.graph(), built, runner, listener);
  }

  /**
   * The gate rebuilds Maven services from the jars in their {@code target/}, which an image up to
   * date never needed: Maven builds them first (a CI runner whose engine kept the images has a
   * fresh clone with no jars). Returns why a service cannot be rebuilt, for those Maven failed.
   */
  private Map<String, String> jarsForGate(
      Workspace workspace, List<Service> services, BuildExecutor executor, BuildListener listener) {
    Map<String, Service> maven = new LinkedHashMap<>();
    services.stream().filter(workspace::isMavenModule).forEach(s -> maven.put(s.name(), s));
    Map<String, String> why = new LinkedHashMap<>();
    buildJars(
            workspace,
            maven,
            workspace.mavenProjects(List.copyOf(maven.keySet())),
            executor,
            listener)
        .forEach((name, failure) -> why.put(name, failure.message()));
    return why;
  }

  /** A push-by-digest job's digests file: the one given, else the job's default. */
  private static Path digestsFile(
      VerifyRequest request, Profile profile, Workspace workspace, List<String> platforms) {
    DigestsOutput.check(profile, platforms);
    return request
        .digestsFile()
        .orElse(DigestsOutput.defaultFile(new StateFolder(workspace.root()), platforms));
  }

  /** Which services are bases, and the image each verified service builds FROM. */
  private static Lineage lineage(
      Workspace workspace, ImageNames names, java.util.Collection<Service> verified) {
    Set<String> builtFrom =
        workspace.graph().edges().stream()
            .filter(e -> e.reason() == Edge.Reason.DOCKERFILE_FROM)
            .map(Edge::to)
            .collect(Collectors.toSet());
    Map<String, String> bases = new LinkedHashMap<>();
    verified.forEach(
        s ->
            workspace
                .finalBaseImage(s, names::reference)
                .ifPresent(base -> bases.put(s.name(), base)));
    return new Lineage(builtFrom, bases);
  }

  /**
   * The images' source labels: git runs only once an image is to be labelled (see {@link
   * OnceValue}).
   */
  private OnceValue<ImageLabels.Provenance> provenance(Workspace workspace) {
    return new OnceValue<>(
        "git-provenance", () -> BuildProvenance.of(workspace.root(), environment, runner));
  }

  private SourceDateEpochs epochs(Workspace workspace, Profile profile, Incremental incremental) {
    return new SourceDateEpochs(
        profile.sourceDateEpoch(),
        environment,
        workspace.root(),
        runner,
        s -> incremental.hashes().inputPaths(s.name()));
  }

  /**
   * The layer table of a service's image, one per platform asked for (else every platform it
   * holds): each layer's instruction, sizes and whether the last build took it from the cache.
   *
   * @throws dev.orchestrator.core.error.ConfigurationException for an unknown service
   * @throws dev.orchestrator.core.error.EnvironmentException when the image (or the platform) was
   *     never built, or the engine or registry cannot be read
   */
  public List<dev.orchestrator.core.layers.LayerTable> layers(LayersRequest request) {
    Workspace workspace = load(request.root());
    Profile profile = profile(workspace, request.profile());
    return new ServiceLayers(workspace, profile, engines, this::registry).tables(request);
  }

  /**
   * Why a service would or would not be rebuilt by this request: its input hashes, what they come
   * from, and where an image with them was looked for. Builds nothing.
   */
  public Explanation explain(BuildRequest request, String service) {
    Workspace workspace = load(request.root());
    Profile profile = profile(workspace, request.profile());
    List<String> platforms = Platforms.chosen(request.platforms(), profile.platforms());
    Plan plan = Planner.plan(workspace.graph(), List.of(service));
    ownFolders(workspace, profile);
    // It keeps the file hashes it computes, so it writes the state folder too.
    new StateFolder(workspace.root()).beforeWriting();
    try (Incremental incremental = UpToDate.open(workspace, plan, request.force(), registry())) {
      BuildSettings settings =
          UpToDate.withIncremental(
              new BuildSettings(workspace.root(), profile, platforms, 1, false), incremental);
      Service s = workspace.repository().byName().get(service);
      // Only a loading profile keeps its images in the local engine; the others look elsewhere.
      try (Engine engine =
          profile.output() == Profile.Output.LOAD ? engines.get() : new OfflineEngine("explain")) {
        List<String> timestamps =
            epochs(workspace, profile, incremental).describe(s, engine.timestampRewrite());
        return Explanation.of(
            settings, engine, runner, s, workspace.graph().dependenciesOf(service), timestamps);
      }
    }
  }

  /**
   * The services whose inputs changed between a git revision and the working tree, with their
   * dependents, each with the reason (a file, or the dependency it was reached through).
   */
  public List<Affected.Entry> affected(Path root, String sinceRef) {
    return UpToDate.affected(load(root), sinceRef, runner);
  }

  /**
   * Runs Maven once for every module the planned images need, to the end of the reactor: a module
   * that fails fails its services (with its own error), a module skipped because one it needs
   * failed fails its services saying which, and the services of every module built go on. Without a
   * reactor summary (Maven stopped before building, a POM error) every one of them fails.
   */
  private Map<String, ServiceResult> buildJars(
      Workspace workspace,
      Map<String, Service> services,
      List<String> modules,
      BuildExecutor executor,
      BuildListener listener) {
    if (modules.isEmpty()) {
      return Map.of();
    }
    List<String> command = MavenBuild.command(workspace.root(), modules);
    listener.on(new BuildEvent.Phase("maven", String.join(" ", command)));
    MavenBuild.Result maven =
        MavenBuild.packageModules(
            runner,
            workspace.root(),
            modules,
            workspace.maven().modules().stream().map(ReactorModule::coordinates).toList(),
            line -> listener.on(new BuildEvent.Output("maven", line)),
            p ->
                listener.on(
                    new BuildEvent.Phase(
                        "maven",
                        p.done() + "/" + p.total() + " modules built, building " + p.building())));
    if (maven.succeeded()) {
      listener.on(new BuildEvent.Phase("maven", "all modules built"));
      return Map.of();
    }
    List<String> tail =
        maven.output().subList(Math.max(0, maven.output().size() - 40), maven.output().size());
    Map<String, String> failedModules = new LinkedHashMap<>();
    maven
        .statuses()
        .forEach(
            (coordinates, status) -> {
              if (status == MavenOutput.Status.FAILURE) {
                failedModules.put(coordinates, coordinates.substring(coordinates.indexOf(':') + 1));
              }
            });
    Set<String> serviceModules = new HashSet<>();
    for (Service s : services.values()) {
      workspace.maven().module(s.directory()).ifPresent(m -> serviceModules.add(m.coordinates()));
    }
    Map<String, ServiceResult> failures = new LinkedHashMap<>();
    for (Service s : services.values()) {
      Optional<ReactorModule> module = workspace.maven().module(s.directory());
      if (module.isEmpty() || !modules.contains(moduleOf(workspace, s))) {
        continue;
      }
      Optional<MavenOutput.Status> status =
          Optional.ofNullable(maven.statuses().get(module.get().coordinates()));
      if (status.equals(Optional.of(MavenOutput.Status.SUCCESS))) {
        continue;
      }
      String message;
      List<String> why;
      if (status.equals(Optional.of(MavenOutput.Status.FAILURE))) {
        message =
            "Maven build of its module "
                + module.get().relativeDirectory()
                + " failed (exit "
                + maven.exitCode()
                + ")";
        why = maven.tails().getOrDefault(module.get().coordinates(), tail);
      } else if (status.isPresent()) {
        List<String> needed =
            MavenFailures.neededBy(workspace.maven(), module.get(), failedModules);
        message =
            "Maven skipped its module "
                + module.get().relativeDirectory()
                + ": a module it needs failed ("
                + String.join(", ", needed)
                + ")";
        // A failed library that is no service has no result of its own to show its error.
        why = new ArrayList<>();
        for (Map.Entry<String, String> failed : failedModules.entrySet()) {
          if (needed.contains(failed.getValue()) && !serviceModules.contains(failed.getKey())) {
            why.addAll(maven.tails().getOrDefault(failed.getKey(), List.of()));
          }
        }
      } else {
        message = "Maven build failed before building its module (exit " + maven.exitCode() + ")";
        why = tail;
      }
      failures.put(s.name(), executor.failure(s, Duration.ZERO, message, why));
    }
    return failures;
  }

  private static String moduleOf(Workspace workspace, Service service) {
    return workspace.maven().module(service.directory()).map(m -> m.relativeDirectory()).orElse("");
  }

  /**
   * The per-architecture CI jobs for the platforms given, else the profile's; without a profile,
   * the merge profile {@value #CI_PROFILE}'s (both platforms, as built in).
   */
  public List<JobMatrix.Job> matrix(
      Path root, Optional<String> profileName, List<String> platforms) {
    Workspace workspace = load(root);
    // Only its platforms matter here, so a registry is not required yet.
    Profile profile = workspace.profiles().written(profileName.orElse(CI_PROFILE));
    Path dir = workspace.root().resolve(workspace.repository().config().profilesDir());
    return JobMatrix.jobs(
        platforms.isEmpty() ? profile.platforms() : platforms, dir, workspace.profiles().names());
  }

  /**
   * The staged CI jobs ({@link StagedMatrix}): the plan of every service in at most {@code stages}
   * stages, each in at most {@code shards} jobs per architecture, for the platforms of {@link
   * #matrix}.
   */
  public List<StagedMatrix.Stage> stagedMatrix(
      Path root, Optional<String> profileName, List<String> platforms, int stages, int shards) {
    Workspace workspace = load(root);
    Map<String, List<String>> servicePlatforms = new LinkedHashMap<>();
    workspace
        .repository()
        .byName()
        .forEach((name, s) -> servicePlatforms.put(name, s.descriptor().platforms()));
    return StagedMatrix.of(
        Planner.plan(workspace.graph(), List.of()),
        workspace.graph(),
        servicePlatforms,
        matrix(root, profileName, platforms),
        stages,
        shards);
  }

  /**
   * Joins the per-architecture jobs' images, pushed by digest, into tagged multi-platform images.
   */
  public MergeOutcome merge(MergeRequest request) {
    Workspace workspace = load(request.root());
    // The merge job publishes what the architecture jobs pushed: without a profile, the CI one's.
    return new Merger(runner)
        .merge(
            workspace.root(),
            profile(workspace, request.profile().or(() -> Optional.of(CI_PROFILE))),
            workspace.repository().byName(),
            request);
  }

  /**
   * Removes what builds left behind: the local build cache, the orchestrator's state and, when an
   * engine answers, the images the profile names.
   *
   * @return one line per thing removed
   */
  public List<String> clean(Path root, Optional<String> profileName) {
    Workspace workspace = load(root);
    Profile profile = profile(workspace, profileName);
    List<String> removed = new ArrayList<>();
    // Both are checked before either is deleted, so a refusal deletes nothing.
    List<Path> folders = ownFolders(workspace, profile);
    // Deleting what a running build writes would fail it at random; its own lock file goes too.
    try (BuildLock lock =
        BuildLock.acquire(new StateFolder(workspace.root()), "clean", false, notice -> {})) {
      for (Path folder : folders) {
        removed.addAll(FileTrees.delete(folder, workspace.root()));
      }
    }
    if (profile.output() == Profile.Output.LOAD) {
      try (Engine engine = engines.get()) {
        ImageNames names = profile.imageNames();
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

  /**
   * The folders builds write, the local cache (when the profile has one) and the state folder, each
   * checked to lead inside the repository once symbolic links are followed.
   */
  private static List<Path> ownFolders(Workspace workspace, Profile profile) {
    List<Path> folders = new ArrayList<>();
    if (profile.cache().type() == Profile.Cache.Type.LOCAL) {
      folders.add(
          InsideRepository.require(
              workspace.root().resolve(profile.cache().location()),
              workspace.root(),
              "the cache folder (profile 'cache.dir')"));
    }
    folders.add(
        InsideRepository.require(
            new StateFolder(workspace.root()).path(), workspace.root(), "the state folder"));
    return folders;
  }

  private Workspace load(Path root) {
    return Workspace.load(root, runner);
  }
}
