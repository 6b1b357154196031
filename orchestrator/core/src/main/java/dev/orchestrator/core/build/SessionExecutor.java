package dev.orchestrator.core.build;

import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.OrchestratorBug;
import dev.orchestrator.core.graph.Plan;
import dev.orchestrator.core.graph.ServiceGraph;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ExitCleanup;
import dev.orchestrator.core.process.ProcessResult;
import dev.orchestrator.core.progress.BuildEvent;
import dev.orchestrator.core.progress.BuildListener;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.BuildStatus;
import dev.orchestrator.core.result.ServiceResult;
import dev.orchestrator.core.state.StateFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs a plan in BuildKit sessions: each batch of ready services is one {@code docker buildx bake}
 * (one process, one solve), with in-batch bases wired as {@code target:} contexts, so a base passes
 * to its dependents inside the solve, with no load round trip.
 *
 * <p>Every service first goes through its own preparation and up-to-date check: services that are
 * up to date never reach BuildKit. At most {@code jobs} sessions run at once, and at most {@code
 * width} services are in sessions at once (bake alone has no limit, and fails cold at 100 targets
 * here). bake stops a whole session at the first failing target, so when a session fails, the
 * services whose own steps failed are failed (their dependents skipped) and the other members go
 * back to be built again; when no member's own step failed, each member is retried alone.
 */
final class SessionExecutor {
  private static final int MEASURE_THREADS = 8;
  private final BuildSettings settings;
  private final CommandRunner runner;
  private final BuildListener listener;
  private final ServiceBuild serviceBuild;
  private final int width;
  private final DependencyImages dependencyImages;
  private final AtomicInteger batchNumber = new AtomicInteger();

  /**
   * The in-repo images a service refers to, as image references (context name to reference), given
   * the results so far: {@link BuildExecutor#namedContexts}, shared by both executors.
   */
  @FunctionalInterface
  interface DependencyImages {
    Map<String, String> of(String service, ServiceGraph graph, Map<String, ServiceResult> built);
  }

  SessionExecutor(
      BuildSettings settings,
      CommandRunner runner,
      BuildListener listener,
      ServiceBuild serviceBuild,
      int width,
      DependencyImages dependencyImages) {
    this.settings = settings;
    this.runner = runner;
    this.listener = listener;
    this.serviceBuild = serviceBuild;
    this.width = width;
    this.dependencyImages = dependencyImages;
  }

  /** The batches a run would make if everything built: each one's command and definition. */
  Map<String, List<String>> dryRun(Plan plan, ServiceGraph graph, Map<String, Service> services) {
    Map<String, List<String>> commands = new LinkedHashMap<>();
    List<String> left = new ArrayList<>(ordered(plan));
    Set<String> built = new HashSet<>();
    int n = 0;
    while (!left.isEmpty()) {
      List<String> batch =
          BatchPlanner.next(
              left, dependencies(plan, graph), built, s -> builderKey(services.get(s)), width);
      n++;
      Prepared p = prepare(n, batch, graph, services, Map.of());
      commands.put("bake batch " + n, settings.withBuildxEnvironment(p.argv()));
      commands.put("bake batch " + n + " definition", List.of(p.definition()));
      built.addAll(batch);
      left.removeAll(batch);
    }
    return commands;
  }

  BuildReport run(
      Plan plan,
      ServiceGraph graph,
      Map<String, Service> services,
      Map<String, ServiceResult> failedBeforehand) {
    long start = System.nanoTime();
    forgetEarlierSessions();
    State state = new State(plan, graph, services);
    failedBeforehand.forEach(
        (name, result) -> {
          state.pending.remove(name);
          state.finish(result);
        });
    ExecutorService pool = Executors.newFixedThreadPool(settings.jobs());
    CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
    Map<Future<Outcome>, List<String>> running = new HashMap<>();
    boolean stopped = false;
    boolean interrupted = false;
    try {
      while (true) {
        if (!stopped) {
          state.settleReady();
          stopped = settings.failFast() && state.anyFailed;
        }
        int inFlight = running.values().stream().mapToInt(List::size).sum();
        while (!stopped && running.size() < settings.jobs() && inFlight < width) {
          List<String> batch = state.nextBatch(width - inFlight);
          if (batch.isEmpty()) {
            break;
          }
          serviceBuild.requireBuilder();
          state.toBuild.removeAll(batch);
          inFlight += batch.size();
          Map<String, ServiceResult> builtSoFar = Map.copyOf(state.results);
          running.put(done.submit(() -> runBatch(batch, graph, services, builtSoFar)), batch);
        }
        if (running.isEmpty()) {
          break;
        }
        Future<Outcome> finished = done.take();
        List<String> batch = running.remove(finished);
        Outcome outcome;
        try {
          outcome = finished.get();
        } catch (ExecutionException e) {
          if (stopping()) {
            runner.stopAll();
            interrupted = true;
            break;
          }
          String message = BuildExecutor.crashed(e.getCause());
          outcome =
              new Outcome(
                  batch.stream()
                      .map(
                          s ->
                              serviceBuild.withStatus(
                                  services.get(s),
                                  BuildStatus.FAILED,
                                  Duration.ZERO,
                                  message,
                                  List.of()))
                      .toList(),
                  Set.of());
        }
        outcome.results().forEach(state::finish);
        state.alone.addAll(outcome.alone());
        // Members not settled go back to be built again (their session failed in another one);
        // those a failure just skipped are settled.
        batch.stream().filter(s -> !state.results.containsKey(s)).forEach(state.toBuild::add);
        if (settings.failFast() && state.anyFailed) {
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
    serviceBuild.skipUnfinished(plan.services(), services, state.results, interrupted);
    List<ServiceResult> ordered = plan.services().stream().map(state.results::get).toList();
    return new BuildReport(ordered, Duration.ofNanos(System.nanoTime() - start), interrupted);
  }

  /** Interrupted (an embedding's stop), or the JVM is exiting (Ctrl-C). */
  private static boolean stopping() {
    return Thread.currentThread().isInterrupted() || ExitCleanup.jvmExiting();
  }

  /** The scheduler's bookkeeping; touched only by the scheduling thread. */
  private final class State {
    final Plan plan;
    final ServiceGraph graph;
    final Map<String, Service> services;
    final Map<String, List<String>> dependencies;
    final Map<String, ServiceResult> results = new TreeMap<>();
    final Set<String> pending;
    final Set<String> toBuild = new LinkedHashSet<>();
    final Set<String> alone = new HashSet<>();
    final List<String> order;
    boolean anyFailed;

    State(Plan plan, ServiceGraph graph, Map<String, Service> services) {
      this.plan = plan;
      this.graph = graph;
      this.services = services;
      this.dependencies = dependencies(plan, graph);
      this.order = ordered(plan);
      this.pending = new LinkedHashSet<>(order);
    }

    /**
     * Runs the checks before BuildKit for every pending service whose dependencies are built or are
     * going to be: what is up to date (or fails its preparation) is settled at once.
     */
    void settleReady() {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (String s : List.copyOf(pending)) {
          if (!pending.contains(s)) {
            continue;
          }
          boolean depsOk =
              dependencies.get(s).stream()
                  .allMatch(
                      d ->
                          (results.containsKey(d) && results.get(d).status().succeeded())
                              || toBuild.contains(d)
                              || (!pending.contains(d) && !results.containsKey(d)));
          if (!depsOk) {
            continue;
          }
          pending.remove(s);
          changed = true;
          Optional<ServiceResult> settled;
          long start = System.nanoTime();
          try {
            settled = serviceBuild.beforeBuild(services.get(s), start);
          } catch (RuntimeException e) {
            settled =
                Optional.of(
                    serviceBuild.withStatus(
                        services.get(s),
                        BuildStatus.FAILED,
                        Duration.ofNanos(System.nanoTime() - start),
                        BuildExecutor.crashed(e),
                        List.of()));
          }
          if (settled.isPresent()) {
            finish(settled.get());
          } else {
            toBuild.add(s);
          }
        }
      }
    }

    List<String> nextBatch(int room) {
      Set<String> built =
          results.entrySet().stream()
              .filter(e -> e.getValue().status().succeeded())
              .map(Map.Entry::getKey)
              .collect(Collectors.toSet());
      List<String> candidates = order.stream().filter(toBuild::contains).toList();
      for (String s : candidates) {
        if (alone.contains(s) && dependencies.get(s).stream().allMatch(built::contains)) {
          return List.of(s);
        }
      }
      return BatchPlanner.next(
          candidates.stream().filter(s -> !alone.contains(s)).toList(),
          dependencies,
          built,
          s -> builderKey(services.get(s)),
          room);
    }

    void finish(ServiceResult result) {
      results.put(result.name(), result);
      listener.on(new BuildEvent.Finished(result));
      if (result.status().succeeded()) {
        return;
      }
      anyFailed |= result.status() == BuildStatus.FAILED;
      List<String> todo = new ArrayList<>(graph.dependentsOf(result.name()));
      while (!todo.isEmpty()) {
        String dependent = todo.remove(0);
        if (!plan.remainingChain().containsKey(dependent) || results.containsKey(dependent)) {
          continue;
        }
        pending.remove(dependent);
        toBuild.remove(dependent);
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
   * What one session settled.
   *
   * @param results the members settled (built, or failed in their own steps)
   * @param alone members to retry each in a session of its own: the session failed, and no member's
   *     own step did
   */
  private record Outcome(List<ServiceResult> results, Set<String> alone) {}

  /** Runs one session; a member neither settled nor retried alone goes back to be built again. */
  private Outcome runBatch(
      List<String> batch,
      ServiceGraph graph,
      Map<String, Service> services,
      Map<String, ServiceResult> builtSoFar) {
    long start = System.nanoTime();
    Prepared p = prepare(batchNumber.incrementAndGet(), batch, graph, services, builtSoFar);
    write(p.definitionFile(), p.definition());
    try {
      Files.deleteIfExists(p.metadataFile());
    } catch (IOException e) {
      throw FileErrors.environment("delete", p.metadataFile(), e, "It is bake's metadata file.");
    }
    batch.forEach(s -> listener.on(new BuildEvent.Started(s, p.argv())));
    // Each attempt reads its own progress: the last one is what happened.
    List<BakeProgress> attempts = new ArrayList<>();
    ProcessResult result =
        TransientFailure.runOnceMoreIfNeeded(
            () -> {
              BakeProgress attempt = new BakeProgress(p.targets(), p.basesInSession());
              attempts.add(attempt);
              return bake(p, attempt);
            },
            why -> batch.forEach(s -> listener.on(new BuildEvent.Phase(s, why))));
    BakeProgress progress = attempts.get(attempts.size() - 1);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    List<ServiceResult> results = new ArrayList<>();
    if (result.succeeded()) {
      Map<String, String> digests = BakeMetadata.digests(p.metadataFile(), p.targets());
      BuildOutput.StepCounts sessionSteps = progress.total();
      List<java.util.concurrent.Callable<ServiceResult>> afterBuilds = new ArrayList<>();
      for (String s : batch) {
        Service service = services.get(s);
        Optional<String> digest =
            settings.profile().pushes() && settings.platformsOf(service).size() == 1
                ? Optional.ofNullable(digests.get(s))
                : Optional.empty();
        BuildOutput.StepCounts own = progress.of(s).steps();
        // A member with no step of its own (a FROM and metadata) is cached when the session was.
        boolean cached = own.total() > 0 ? own.allCached() : sessionSteps.allCached();
        afterBuilds.add(
            () ->
                serviceBuild.afterBuild(
                    service,
                    memberDuration(progress.of(s), took),
                    new ServiceBuild.Progress(
                        own,
                        progress.of(s).lines(),
                        batch.size() > 1 ? Optional.of(p.targets().get(s)) : Optional.empty()),
                    cached ? BuildStatus.CACHED : BuildStatus.BUILT,
                    digest,
                    "bake wrote no containerimage.digest for target "
                        + p.targets().get(s)
                        + " to "
                        + p.metadataFile(),
                    result.tail(ServiceBuild.TAIL_LINES)));
      }
      return new Outcome(measured(afterBuilds), Set.of());
    }
    // A dependent's solve holds its in-session bases' steps, so a base's failing step is an error
    // of the dependent too. So a failure is certain only for a member with no base in the
    // session; otherwise that member and its in-session bases are retried alone.
    List<String> ownFailures =
        batch.stream().filter(s -> !progress.of(s).errors().isEmpty()).toList();
    Set<String> alone = new LinkedHashSet<>();
    for (String s : ownFailures) {
      Set<String> bases = p.basesInSession().get(s);
      if (!bases.isEmpty()) {
        alone.add(s);
        alone.addAll(bases);
      }
    }
    if (ownFailures.isEmpty()) {
      alone.addAll(batch);
    }
    for (String s : batch) {
      boolean certain = batch.size() == 1 || (ownFailures.contains(s) && !alone.contains(s));
      if (!certain) {
        continue; // built again: alone, or in a later session
      }
      List<String> errors = progress.of(s).errors();
      List<String> lines = progress.of(s).lines();
      results.add(
          serviceBuild.withStatus(
              services.get(s),
              BuildStatus.FAILED,
              took,
              "docker buildx bake exited with "
                  + result.exitCode()
                  + (errors.isEmpty()
                      ? whyTheSessionFailed(result)
                      : ": " + errors.get(errors.size() - 1)),
              lines.isEmpty()
                  ? result.tail(ServiceBuild.TAIL_LINES)
                  : lines.subList(
                      Math.max(0, lines.size() - ServiceBuild.TAIL_LINES), lines.size())));
    }
    return new Outcome(results, alone);
  }

  /** For a member none of whose own lines said why: the scanner, else bake's last ERROR line. */
  private String whyTheSessionFailed(ProcessResult result) {
    String scanner = serviceBuild.scannerFailure(result);
    return scanner.isEmpty()
        ? BuildOutput.lastError(result.output()).map(l -> ": " + l).orElse("")
        : scanner;
  }

  /**
   * A member's own time: from its first vertex to its last line in the session's progress (lines
   * timed as they arrive), so that a leaf cached in a long session does not report the session's
   * time; the session's wall time when no line named it.
   */
  static Duration memberDuration(BakeProgress.Progress progress, Duration session) {
    long active = progress.activeNanos();
    return active > 0 ? Duration.ofNanos(active) : session;
  }

  /**
   * Runs one session. Its result holds the plain-form lines {@link BakeRawProgress} made of bake's
   * rawjson, so failures and retries read the same lines as the members' progress.
   */
  private ProcessResult bake(Prepared p, BakeProgress progress) {
    List<String> lines = new ArrayList<>();
    BakeRawProgress plain =
        new BakeRawProgress(
            line -> {
              lines.add(line);
              progress
                  .accept(line, System.nanoTime())
                  .ifPresent(s -> listener.on(new BuildEvent.Output(s, line)));
            },
            progress::vertexDigest);
    ProcessResult raw = runner.run(settings.buildxCommand(p.argv()), plain::accept);
    plain.finish();
    return new ProcessResult(raw.command(), raw.exitCode(), lines, raw.duration(), raw.timedOut());
  }

  /**
   * The members' results, measured several at a time: each measurement is an inspect and a read of
   * the engine's content store (an export where that cannot be read: about 0.2 s even for a small
   * image; one after the other they took 5.5 s after a 24-service session). Measuring the 24
   * members of a session took 162 ms four at a time and 97 to 114 ms eight at a time, with the
   * index written once per build instead of once per image (about 125 ms four at a time).
   */
  private static List<ServiceResult> measured(
      List<java.util.concurrent.Callable<ServiceResult>> afterBuilds) {
    if (afterBuilds.size() < 2) {
      return afterBuilds.stream().map(SessionExecutor::call).toList();
    }
    ExecutorService pool =
        DaemonThreads.pool("measure", Math.min(MEASURE_THREADS, afterBuilds.size()));
    try {
      List<Future<ServiceResult>> futures = new ArrayList<>();
      afterBuilds.forEach(a -> futures.add(pool.submit(a)));
      List<ServiceResult> results = new ArrayList<>();
      for (Future<ServiceResult> f : futures) {
        results.add(DaemonThreads.get(f, "measuring a built image"));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static ServiceResult call(java.util.concurrent.Callable<ServiceResult> afterBuild) {
    try {
      return afterBuild.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new OrchestratorBug("measuring a built image failed: " + e, e);
    }
  }

  /** One batch ready to run: its definition, command and files. */
  private record Prepared(
      Map<String, String> targets,
      Map<String, Set<String>> basesInSession,
      String definition,
      Path definitionFile,
      Path metadataFile,
      List<String> argv) {}

  private Prepared prepare(
      int number,
      List<String> batch,
      ServiceGraph graph,
      Map<String, Service> services,
      Map<String, ServiceResult> builtSoFar) {
    Set<String> members = new HashSet<>(batch);
    List<ImageBuild> builds = new ArrayList<>();
    for (String s : batch) {
      builds.add(serviceBuild.imageBuild(services.get(s), contexts(s, graph, members, builtSoFar)));
    }
    Path folder = sessionFolder();
    Path definitionFile = folder.resolve("batch-" + number + ".json");
    Path metadataFile = folder.resolve("batch-" + number + ".metadata.json");
    Service first = services.get(batch.get(0));
    List<String> argv =
        BakeCommand.argv(
            settings.profile().builderFor(settings.platformsOf(first)),
            definitionFile,
            metadataFile);
    Map<String, Set<String>> basesInSession = new HashMap<>();
    for (String s : batch) {
      // In the graph's order: a failing member's bases are retried alone in this order.
      Set<String> bases = new LinkedHashSet<>(graph.withDependencies(List.of(s)));
      bases.retainAll(members);
      bases.remove(s);
      basesInSession.put(s, bases);
    }
    return new Prepared(
        BakeDefinition.targetNames(batch),
        basesInSession,
        BakeDefinition.json(builds),
        definitionFile,
        metadataFile,
        argv);
  }

  /**
   * In-repo images this service's Dockerfile refers to: a member of the same session in-solve
   * ({@code target:}), anything else as the image built or found earlier ({@code docker-image://},
   * by digest when pushed untagged or taken from an earlier job).
   */
  private Map<String, String> contexts(
      String service,
      ServiceGraph graph,
      Set<String> members,
      Map<String, ServiceResult> builtSoFar) {
    Map<String, String> contexts = new TreeMap<>();
    dependencyImages
        .of(service, graph, builtSoFar)
        .forEach(
            (name, image) ->
                contexts.put(
                    name, members.contains(name) ? "target:" + name : "docker-image://" + image));
    return contexts;
  }

  /** Services sharing a session must share a builder: bake takes one. */
  private String builderKey(Service service) {
    return settings.profile().builderFor(settings.platformsOf(service)).orElse("");
  }

  private static List<String> ordered(Plan plan) {
    return plan.services().stream()
        .sorted(
            Comparator.<String>comparingInt(s -> plan.remainingChain().get(s))
                .reversed()
                .thenComparing(s -> s))
        .toList();
  }

  private static Map<String, List<String>> dependencies(Plan plan, ServiceGraph graph) {
    Map<String, List<String>> deps = new HashMap<>();
    for (String s : plan.services()) {
      deps.put(
          s,
          graph.dependenciesOf(s).stream()
              .filter(plan.remainingChain()::containsKey)
              .sorted()
              .toList());
    }
    return deps;
  }

  /** A run's definitions are numbered from 1: those of an earlier run would mislead. */
  private void forgetEarlierSessions() {
    Path folder = sessionFolder();
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (var files = Files.list(folder)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw FileErrors.environment(
          "clear", folder, e, "It holds bake definitions; it may be deleted.");
    }
  }

  private Path sessionFolder() {
    return new StateFolder(settings.root()).path().resolve("bake");
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw FileErrors.environment(
          "write",
          file,
          e,
          "It holds a bake definition; everything under "
              + StateFolder.RELATIVE
              + " may be deleted (`orchestrator clean` does).");
    }
  }
}
