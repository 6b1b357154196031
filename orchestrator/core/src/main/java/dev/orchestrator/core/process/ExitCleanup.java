package dev.orchestrator.core.process;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Things the core started and must undo if the JVM exits while they live (Ctrl-C, or Maven
 * stopping): child processes, containers. As Testcontainers' ResourceReaper does, whoever starts
 * one registers it and removes it when done, so every front end gets the cleanup without installing
 * anything. A JVM shutdown hook is installed only while something is registered.
 */
public final class ExitCleanup<T> {
  private static final Logger LOG = LoggerFactory.getLogger(ExitCleanup.class);

  private final String what;
  private final Consumer<T> undo;
  private final Set<T> live = ConcurrentHashMap.newKeySet();
  private Thread hook;
  private volatile boolean exiting;

  /**
   * @param what names the things, for the hook thread and log lines
   * @param undo stops or removes one; may throw, which is logged
   */
  public ExitCleanup(String what, Consumer<T> undo) {
    this.what = what;
    this.undo = undo;
  }

  /**
   * Records a thing just started. Once the JVM is exiting, undoes it at once and says so: a worker
   * still running while the JVM exits must not leave one behind.
   *
   * @return false when it was undone at once because the JVM is exiting
   */
  public boolean register(T thing) {
    synchronized (this) {
      live.add(thing);
      if (hook == null && !exiting) {
        hook = new Thread(this::undoAll, "cleanup-" + what);
        try {
          Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException alreadyExiting) {
          exiting = true;
        }
      }
    }
    if (exiting) {
      undoQuietly(thing);
      return false;
    }
    return true;
  }

  /** Forgets a thing that ended or was removed normally. */
  public void unregister(T thing) {
    synchronized (this) {
      live.remove(thing);
      if (live.isEmpty() && hook != null && !exiting) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyExiting) {
          // The hook is running or about to: it finds nothing left to undo.
        }
        hook = null;
      }
    }
  }

  /** Undoes everything still registered; never throws. Runs as the shutdown hook, or on demand. */
  public void undoAll() {
    exiting = exiting || Thread.currentThread() == hook;
    List.copyOf(live).forEach(this::undoQuietly);
  }

  /**
   * Whether the JVM is shutting down (Ctrl-C in the CLI, a stopped Maven build): what fails then is
   * the cleanup stopping it, not something to report.
   */
  public static boolean jvmExiting() {
    Thread probe = new Thread(() -> {}, "exit-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException alreadyExiting) {
      return true;
    }
  }

  /** How many things are registered, for tests. */
  public int count() {
    return live.size();
  }

  private void undoQuietly(T thing) {
    try {
      undo.accept(thing);
    } catch (RuntimeException e) {
      LOG.warn("could not clean up {} {}: {}", what, thing, e.getMessage());
    } finally {
      live.remove(thing);
    }
  }
}
