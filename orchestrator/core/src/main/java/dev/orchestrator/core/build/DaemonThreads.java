package dev.orchestrator.core.build;

import dev.orchestrator.core.error.OrchestratorBug;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pools for work that waits on the engine or a registry (look-ups, exports): daemon threads, so a
 * pool left behind by an interrupted build never keeps the JVM alive.
 */
final class DaemonThreads {
  private DaemonThreads() {}

  static ExecutorService pool(String name, int threads) {
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * The task's answer; its own failure as it was thrown.
   *
   * @param doing what the task does, for an interruption or a failure that is not a runtime one
   */
  static <T> T get(Future<T> task, String doing) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while " + doing);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new OrchestratorBug(
          doing + " failed: " + OrchestratorBug.describe(e.getCause()), e.getCause());
    }
  }
}
