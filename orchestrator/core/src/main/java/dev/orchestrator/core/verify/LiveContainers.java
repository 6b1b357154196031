package dev.orchestrator.core.verify;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every container verify has created and not yet removed, with how to remove it, so that a front
 * end's shutdown hook (Ctrl-C) can remove them all, as {@code ProcessRunner.destroyAll} stops child
 * processes.
 */
public final class LiveContainers {
  private static final Logger LOG = LoggerFactory.getLogger(LiveContainers.class);
  private static final Map<String, Runnable> LIVE = new ConcurrentHashMap<>();
  private static volatile boolean shuttingDown;

  private LiveContainers() {}

  /**
   * Records a container just created. After {@link #removeAll} has begun, removes it at once and
   * refuses: a worker still running while the JVM exits must not leave one behind.
   */
  static void register(String id, Runnable remove) {
    LIVE.put(id, remove);
    if (shuttingDown) {
      removeQuietly(id);
      throw new IllegalStateException("shutting down: container " + id + " removed");
    }
  }

  /** Removes the container (if still recorded) and forgets it. */
  static void remove(String id) {
    Runnable remove = LIVE.remove(id);
    if (remove != null) {
      remove.run();
    }
  }

  /** Removes every recorded container; for shutdown hooks. Never throws. */
  public static void removeAll() {
    shuttingDown = true;
    LIVE.keySet().forEach(LiveContainers::removeQuietly);
  }

  /** How many containers are recorded, for tests. */
  static int count() {
    return LIVE.size();
  }

  private static void removeQuietly(String id) {
    try {
      remove(id);
    } catch (RuntimeException e) {
      LOG.warn("could not remove container {}: {}", id, e.getMessage());
    }
  }
}
