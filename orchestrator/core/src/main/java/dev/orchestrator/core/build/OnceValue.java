package dev.orchestrator.core.build;

import dev.orchestrator.core.error.OrchestratorBug;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A value worked out at most once: on its first use, or before it on a daemon thread once it is
 * known to be needed ({@link #startInBackground}). So a slow answer (git's, for image labels)
 * overlaps other work instead of delaying its first user, and a build that needs none (everything
 * up to date) never pays for it.
 */
public final class OnceValue<T> implements Supplier<T> {
  private final String name;
  private final Supplier<T> compute;
  private CompletableFuture<T> value; // guarded by this

  /**
   * @param name names the background thread
   */
  public OnceValue(String name, Supplier<T> compute) {
    this.name = name;
    this.compute = compute;
  }

  /** A value known already. */
  public static <T> OnceValue<T> known(T value) {
    OnceValue<T> once = new OnceValue<>("known", () -> value);
    once.value = CompletableFuture.completedFuture(value);
    return once;
  }

  /** Starts working the value out on a daemon thread, unless that has begun already. */
  public synchronized void startInBackground() {
    if (value == null) {
      value =
          CompletableFuture.supplyAsync(
              compute,
              runnable -> {
                Thread t = new Thread(runnable, name);
                t.setDaemon(true);
                t.start();
              });
    }
  }

  /** The value, worked out here when nothing has begun to; its failure as it was thrown. */
  @Override
  public T get() {
    CompletableFuture<T> mine = null;
    CompletableFuture<T> current;
    synchronized (this) {
      if (value == null) {
        mine = new CompletableFuture<>();
        value = mine;
      }
      current = value;
    }
    if (mine != null) {
      try {
        mine.complete(compute.get());
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
      }
    }
    try {
      return current.get();
    } catch (InterruptedException e) {
      // An embedding's stop (the Maven plugin's thread interrupted): as DaemonThreads.get.
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for " + name);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new OrchestratorBug(
          name + " failed: " + OrchestratorBug.describe(e.getCause()), e.getCause());
    }
  }
}
