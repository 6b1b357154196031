package dev.orchestrator.core.verify;

import dev.orchestrator.core.process.ExitCleanup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every container verify has created and not yet removed, with how to remove it. Registered from
 * creation to removal, so that if the JVM exits meanwhile (Ctrl-C in the CLI, a stopped Maven
 * build) they are removed, whichever front end started them.
 */
final class LiveContainers {
  private final Map<String, Runnable> removers = new ConcurrentHashMap<>();
  private final ExitCleanup<String> cleanup = new ExitCleanup<>("containers", this::removeNow);

  /**
   * Records a container just created. Once the JVM is exiting, removes it at once and refuses: a
   * worker still running while the JVM exits must not leave one behind.
   */
  void register(String id, Runnable remove) {
    removers.put(id, remove);
    if (!cleanup.register(id)) {
      throw new IllegalStateException("shutting down: container " + id + " removed");
    }
  }

  /** Removes the container (if still recorded) and forgets it. */
  void remove(String id) {
    try {
      removeNow(id);
    } finally {
      cleanup.unregister(id);
    }
  }

  /** How many containers are recorded, for tests. */
  int count() {
    return removers.size();
  }

  private void removeNow(String id) {
    Runnable remove = removers.remove(id);
    if (remove != null) {
      remove.run();
    }
  }
}
