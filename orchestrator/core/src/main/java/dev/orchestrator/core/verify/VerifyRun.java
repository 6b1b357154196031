package dev.orchestrator.core.verify;

import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.engine.Engine;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.OrchestratorBug;
import dev.orchestrator.core.error.OrchestratorException;
import dev.orchestrator.core.process.ExitCleanup;
import dev.orchestrator.core.progress.BuildEvent;
import dev.orchestrator.core.progress.BuildListener;
import dev.orchestrator.core.size.ImageSizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Verifies services, up to {@code jobs} at once; each service's platforms one after another (an
 * emulated arm64 container and a native one compete for the same two cores anyway).
 */
public final class VerifyRun {
  private final Engine engine;
  private final String hostPlatform;
  private final int jobs;
  private final BuildListener listener;
  private final Lineage lineage;
  private final String runId = UUID.randomUUID().toString().substring(0, 12);

  /**
   * @param hostPlatform the engine's own platform; others are emulated and get more time
   */
  public VerifyRun(Engine engine, String hostPlatform, int jobs, BuildListener listener) {
    this(engine, hostPlatform, jobs, listener, Lineage.NONE);
  }

  /**
   * @param lineage which services are bases, and the image each one builds FROM
   */
  public VerifyRun(
      Engine engine, String hostPlatform, int jobs, BuildListener listener, Lineage lineage) {
    this.engine = engine;
    this.hostPlatform = hostPlatform;
    this.jobs = Math.max(1, jobs);
    this.listener = listener;
    this.lineage = lineage;
  }

  /** The value of the {@code dev.orchestrator.verify} label on this run's containers. */
  public String runId() {
    return runId;
  }

  /**
   * @param images each service's image reference, in the order rows are reported
   */
  public VerifyReport run(Map<Service, String> images, List<String> platforms) {
    long start = System.nanoTime();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            jobs,
            r -> {
              Thread t = new Thread(r, "verify");
              t.setDaemon(true);
              return t;
            });
    Verifier verifier = new Verifier(engine, runId, hostPlatform, lineage);
    List<Future<List<VerifyRow>>> futures = new ArrayList<>();
    List<String> names = new ArrayList<>();
    images.forEach(
        (service, image) -> {
          futures.add(pool.submit(() -> verifyService(verifier, service, image, platforms)));
          names.add(service.name());
        });
    List<VerifyRow> rows = new ArrayList<>();
    boolean interrupted = false;
    int waitingFor = 0;
    try {
      for (; waitingFor < futures.size(); waitingFor++) {
        rows.addAll(futures.get(waitingFor).get());
      }
    } catch (InterruptedException e) {
      interrupted = true;
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      if (!stopping()) {
        throw crashed(names.get(waitingFor), e.getCause());
      }
      // Stopping makes checks fail in odd ways (containers removed): an interruption, not a crash.
      interrupted = true;
    } finally {
      pool.shutdownNow();
      awaitRemovals(pool);
    }
    return new VerifyReport(rows, Duration.ofNanos(System.nanoTime() - start), interrupted);
  }

  /** Interrupted (an embedding's stop), or the JVM is exiting (Ctrl-C). */
  private static boolean stopping() {
    return Thread.currentThread().isInterrupted() || ExitCleanup.jvmExiting();
  }

  /**
   * What verifying a service threw: a configuration or environment error (no engine) keeps its
   * kind; anything else is a bug.
   */
  private static OrchestratorException crashed(String service, Throwable cause) {
    return cause instanceof OrchestratorException known
        ? known
        : new OrchestratorBug("verifying " + service + " crashed: " + cause, cause);
  }

  /** Interrupted workers remove their containers on the way out; let them finish that. */
  private static void awaitRemovals(ExecutorService pool) {
    try {
      pool.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<VerifyRow> verifyService(
      Verifier verifier, Service service, String image, List<String> platforms)
      throws InterruptedException {
    listener.on(new BuildEvent.Phase(service.name(), "measuring " + image));
    Map<String, ImageSizes> sizes = engine.imageSizes(image);
    List<VerifyRow> rows = new ArrayList<>();
    for (String platform :
        dev.orchestrator.core.image.Platforms.supportedBy(
            service.descriptor().platforms(), platforms)) {
      listener.on(new BuildEvent.Phase(service.name(), "verifying " + platform));
      VerifyRow row;
      try {
        row = verifier.verify(service, image, platform, sizes);
      } catch (EnvironmentException e) {
        throw e;
      } catch (IllegalStateException e) {
        // The engine refused (no such platform variant, a bad port): a failed row, not a crash.
        row =
            new VerifyRow(
                service.name(),
                platform,
                image,
                List.of(CheckResult.fail(Check.IMAGE, OrchestratorBug.describe(e).strip())),
                Optional.empty(),
                Optional.empty());
      }
      rows.add(row);
      listener.on(new BuildEvent.Phase(service.name(), platform + " " + summary(row)));
    }
    return rows;
  }

  private static String summary(VerifyRow row) {
    if (row.result() == VerifyRow.Result.PASSED) {
      return "verified";
    }
    if (row.result() == VerifyRow.Result.NOT_RUN) {
      return row.run() == VerifyRow.Run.BASE ? "a base: not run" : "NOT RUN: no CMD or ENTRYPOINT";
    }
    return "FAILED "
        + row.failures().stream().map(CheckResult::name).collect(Collectors.joining(", "));
  }
}
