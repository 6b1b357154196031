package dev.orchestrator.core.progress;

/** Receives build events; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface BuildListener {
  BuildListener NONE = event -> {};

  void on(BuildEvent event);
}
