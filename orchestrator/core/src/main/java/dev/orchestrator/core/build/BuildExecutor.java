package dev.orchestrator.core.build;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.OrchestratorBug;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.graph.Edge;
import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.graph.ServiceGraph;
import dev.orchestrator.core.image.ImageNames;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ExitCleanup;
import dev.orchestrator.core.progress.BuildEvent;
import dev.orchestrator.core.progress.BuildListener;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.BuildStatus;
import dev.orchestrator.core.result.PlatformResult;
import dev.orchestrator.core.result.ServiceResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Runs a plan with at most {@code jobs} services building at once. A service starts as soon as its
 * own dependencies are built (not when its whole wave is), longest remaining chain first. A failure
 * skips exactly the services that depend on it, transitively. A build task that throws fails its
 * own service only: one service's crash never ends the run of the others.
 *
 * <p>Every profile (load, push, push-by-digest) builds many services per BuildKit session ({@link
 * SessionExecutor}), with the same guarantees; the one-{@code docker buildx build}-per-service
 * scheduler here runs when a service build is passed in (the scheduling tests), and its argv is
 * what {@link ServiceBuild} runs for one service.
 */
public final class BuildExecutor {
  private final BuildSettings settings;
  private final CommandRunner runner;
  private final BuildListener listener;
  private static final int LOOKUP_THREADS = 8;
  private final ServiceBuild serviceBuild;
  private final BiFunction<Service, Map<String, String>, ServiceResult> buildOne;
  private final Optional<SessionExecutor> sessions;

  /**
   * @param engine the engine the images go to ({@link dev.orchestrator.core.engine.OfflineEngine}
   *     for a dry run)
   * @param runner runs buildx and every other program the builds need
   */
  public BuildExecutor(
      BuildSettings settings, Engine engine, CommandRunner runner, BuildListener listener) {
    this(settings, runner, listener, new ServiceBuild(settings, engine, runner, listener), null);
  }

  /**
   * @param buildOne replaces the real service build (scheduling tests); null for the real one
   */
  BuildExecutor(
      BuildSettings settings,
      CommandRunner runner,
      BuildListener listener,
      ServiceBuild serviceBuild,
      BiFunction<Service, Map<String, String>, ServiceResult> buildOne) {
    this.settings = settings;
    this.runner = runner;
    this.listener = listener;
    this.serviceBuild = serviceBuild;
    this.buildOne = buildOne != null ? buildOne : serviceBuild::run;
    this.sessions =
        buildOne == null
            ? Optional.of(
                new SessionExecutor(
                    settings,
                    runner,
                    listener,
                    serviceBuild,
                    settings.profile().sessionWidth(),
                    this::namedContexts))
            : Optional.empty();
  }

  /** The buildx argument list each planned service would run with, in plan order. */
  public Map<String, List<String>> dryRun(
      Plan plan, ServiceGraph graph, Map<String, Service> services) {
    if (sessions.isPresent()) {
      return sessions.get().dryRun(plan, graph, services);
    }
    Map<String, List<String>> argvs = new LinkedHashMap<>();
    plan.services()
        .forEach(
            s ->
                argvs.put(
                    s,
                    settings.withBuildxEnvironment(
                        serviceBuild.argv(services.get(s), namedContexts(s, graph, Map.of())))));
    return argvs;
  }

  /**
   * @param failedBeforehand services that already failed in a step shared by several services (the
   *     Maven build): name to the result to report
   * @return every planned service's result; a build task that threw is its service's failure (with
   *     what happened), and a throw once the run is being stopped makes it interrupted
   */
  public BuildReport run(
      Plan plan,
      ServiceGraph graph,
      Map<String, Service> services,
      Map<String, ServiceResult> failedBeforehand) {
    if (sessions.isPresent()) {
      return sessions.get().run(plan, graph, services, failedBeforehand);
    }
    long start = System.nanoTime();
    Map<String, ServiceResult> results = new TreeMap<>();
    Map<String, Integer> waiting = new LinkedHashMap<>();
    Set<String> inPlan = new HashSet<>(plan.services());
    PriorityQueue<String> ready =
        new PriorityQueue<>(
            Comparator.<String>comparingInt(s -> plan.remainingChain().get(s))
                .reversed()
                .thenComparing(s -> s));
    for (String s : plan.services()) {
      waiting.put(s, (int) graph.dependenciesOf(s).stream().filter(inPlan::contains).count());
    }
    failedBeforehand.forEach(
        (name, result) -> {
          waiting.remove(name);
          finish(result, graph, services, results, waiting, ready);
        });
    waiting.forEach(
        (s, n) -> {
          if (n == 0) ready.add(s);
        });

    ExecutorService pool = Executors.newFixedThreadPool(settings.jobs());
    CompletionService<ServiceResult> done = new ExecutorCompletionService<>(pool);
    Map<Future<ServiceResult>, Task> tasks = new HashMap<>();
    int running = 0;
    boolean stopped = false;
    boolean interrupted = false;
    try {
      while (!ready.isEmpty() || running > 0) {
        while (!stopped && running < settings.jobs() && !ready.isEmpty()) {
          serviceBuild.requireBuilder();
          String next = ready.poll();
          waiting.remove(next);
          Map<String, String> contexts = namedContexts(next, graph, results);
          tasks.put(
              done.submit(() -> buildOne.apply(services.get(next), contexts)),
              new Task(next, System.nanoTime()));
          running++;
        }
        if (running == 0) {
          break;
        }
        Future<ServiceResult> finished = done.take();
        ServiceResult result;
        try {
          result = finished.get();
        } catch (ExecutionException e) {
          if (stopping()) {
            // Stopping makes builds fail in odd ways (children killed): an interruption, not a
            // crash; the other services' buildx must not outlive the run.
            runner.stopAll();
            interrupted = true;
            break;
          }
          Task task = tasks.get(finished);
          if (!(e.getCause() instanceof ConfigurationException
              || e.getCause() instanceof EnvironmentException)) {
            stackTrace(task.service(), e.getCause()); // a bug: where it came from, for the report
          }
          result =
              serviceBuild.withStatus(
                  services.get(task.service()),
                  BuildStatus.FAILED,
                  Duration.ofNanos(System.nanoTime() - task.startNanos()),
                  crashed(e.getCause()),
                  List.of());
        }
        running--;
        finish(result, graph, services, results, waiting, ready);
        if (settings.failFast() && result.status() == BuildStatus.FAILED) {
          stopped = true;
        }
      }
    } catch (InterruptedException e) {
      interrupted = true;
      runner.stopAll();
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
    serviceBuild.skipUnfinished(plan.services(), services, results, interrupted);
    List<ServiceResult> ordered = plan.services().stream().map(results::get).toList();
    return new BuildReport(ordered, Duration.ofNanos(System.nanoTime() - start), interrupted);
  }

  /** Interrupted (an embedding's stop), or the JVM is exiting (Ctrl-C). */
  private static boolean stopping() {
    return Thread.currentThread().isInterrupted() || ExitCleanup.jvmExiting();
  }

  /**
   * What a build task threw, as its service's failure message: a configuration or environment error
   * as the user would read it at the top level, anything else as the bug it is.
   */
  static String crashed(Throwable cause) {
    if (cause instanceof ConfigurationException config) {
      return "bad configuration: "
          + config.problems().stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
    if (cause instanceof EnvironmentException env) {
      return env.getMessage() + " (" + env.remedy() + ")";
    }
    return OrchestratorBug.of(cause).report();
  }

  /** Where a crash came from, as the service's output: shown with {@code -v}, for a bug report. */
  private void stackTrace(String service, Throwable cause) {
    StringWriter trace = new StringWriter();
    cause.printStackTrace(new PrintWriter(trace));
    trace.toString().lines().forEach(line -> listener.on(new BuildEvent.Output(service, line)));
  }

  /** A service being built, since when. */
  private record Task(String service, long startNanos) {}

  private void finish(
      ServiceResult result,
      ServiceGraph graph,
      Map<String, Service> services,
      Map<String, ServiceResult> results,
      Map<String, Integer> waiting,
      PriorityQueue<String> ready) {
    results.put(result.name(), result);
    listener.on(new BuildEvent.Finished(result));
    if (result.status().succeeded()) {
      for (String dependent : graph.dependentsOf(result.name())) {
        Integer left = waiting.computeIfPresent(dependent, (k, n) -> n - 1);
        if (left != null && left == 0) {
          ready.add(dependent);
        }
      }
      return;
    }
    List<String> todo = new ArrayList<>(graph.dependentsOf(result.name()));
    while (!todo.isEmpty()) {
      String dependent = todo.remove(0);
      if (waiting.remove(dependent) != null) {
        ready.remove(dependent);
        ServiceResult skipped =
            serviceBuild.withStatus(
                services.get(dependent),
                BuildStatus.SKIPPED,
                Duration.ZERO,
                "dependency " + result.name() + " " + result.status().label(),
                List.of());
        results.put(dependent, skipped);
        listener.on(new BuildEvent.Finished(skipped));
        todo.addAll(graph.dependentsOf(dependent));
      }
    }
  }

  /**
   * The argv of the reproducibility gate's rebuild of {@code service}: its build options as in a
   * normal build, its in-repo images wired the same way, {@code --no-cache}, exported to the OCI
   * layout folder {@code dir} (with {@code rewrite-timestamp=true} when asked).
   *
   * @param built results of the build just run, if any: a dependency pushed by digest is wired by
   *     its digest
   */
  public List<String> reproducibleArgv(
      Service service,
      ServiceGraph graph,
      Map<String, ServiceResult> built,
      java.nio.file.Path dir,
      boolean rewriteTimestamp) {
    return serviceBuild.reproducibleArgv(
        service, namedContexts(service.name(), graph, built), dir, rewriteTimestamp);
  }

  /**
   * Runs the preparation steps of these services now, in the order given (dependencies first),
   * before anything asks whether an image is up to date: a preparation writes its service's
   * context, which its hash and its dependents' hashes cover. A service whose preparation failed is
   * returned with its failure; the build skips its dependents.
   */
  public Map<String, ServiceResult> prepareAhead(List<Service> services) {
    Map<String, ServiceResult> failures = new LinkedHashMap<>();
    for (Service service : services) {
      serviceBuild.prepareAhead(service).ifPresent(f -> failures.put(service.name(), f));
    }
    return failures;
  }

  /**
   * The services of these whose image with their input hash exists already, looked up at once: each
   * look-up is a round trip to the engine or registry, and they wait on the network, not on the
   * processor.
   */
  public Set<String> upToDate(List<Service> services) {
    if (services.size() < 2) {
      return services.stream()
          .filter(this::upToDate)
          .map(Service::name)
          .collect(Collectors.toSet());
    }
    ExecutorService lookups =
        DaemonThreads.pool("up-to-date-lookup", Math.min(LOOKUP_THREADS, services.size()));
    try {
      Map<String, Future<Boolean>> found = new LinkedHashMap<>();
      for (Service s : services) {
        found.put(s.name(), lookups.submit(() -> upToDate(s)));
      }
      Set<String> upToDate = new HashSet<>();
      for (Map.Entry<String, Future<Boolean>> e : found.entrySet()) {
        if (DaemonThreads.get(e.getValue(), "looking up an image")) {
          upToDate.add(e.getKey());
        }
      }
      return upToDate;
    } finally {
      lookups.shutdownNow();
    }
  }

  /**
   * Something will be built: buildx is asked now, and git for the images' labels, in the background
   * (see {@link #run}).
   */
  public void expectBuilds() {
    serviceBuild.probeBuilderAhead();
    settings.provenance().startInBackground();
  }

  /**
   * Whether an image with this service's input hash exists already (no preparation runs, nothing is
   * built): so that Maven is not run for a module whose image is up to date.
   */
  public boolean upToDate(Service service) {
    return serviceBuild.upToDate(service);
  }

  /** A result for a service that failed in a step shared with others (the Maven build). */
  public ServiceResult failure(Service service, Duration took, String message, List<String> tail) {
    return serviceBuild.withStatus(service, BuildStatus.FAILED, took, message, tail);
  }

  /**
   * In-repo images this service's Dockerfile refers to, wired to the freshly built images, or to an
   * earlier job's image by digest for a dependency this build does not build: context name to image
   * reference. Both executors wire through this one function (the session executor replaces a
   * dependency built in the same session by its {@code target:}).
   *
   * @param built results so far: a dependency pushed by digest is named by its digest
   */
  Map<String, String> namedContexts(
      String service, ServiceGraph graph, Map<String, ServiceResult> built) {
    ImageNames names = settings.profile().imageNames();
    Map<String, String> contexts = new TreeMap<>();
    for (Edge e : graph.edgesFrom(service)) {
      if (e.reason().isImageReference()) {
        contexts.put(
            e.to(),
            settings
                .earlierImage(e.to())
                .orElseGet(
                    () ->
                        settings.profile().output() == Profile.Output.PUSH_BY_DIGEST
                            ? byDigest(e.to(), names, built)
                            : names.reference(e.to())));
      }
    }
    return contexts;
  }

  /** Pushed untagged, an image just built is named by its digest: never by a mutable tag. */
  private static String byDigest(
      String dependency, ImageNames names, Map<String, ServiceResult> built) {
    String digest =
        Optional.ofNullable(built.get(dependency))
            .flatMap(r -> r.platforms().stream().findFirst())
            .flatMap(PlatformResult::digest)
            .orElse("sha256:<digest of " + dependency + ">");
    return names.repository(dependency) + "@" + digest;
  }
}
