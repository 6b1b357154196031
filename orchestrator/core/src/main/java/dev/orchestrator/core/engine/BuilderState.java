package dev.orchestrator.core.engine;

import java.util.List;

/**
 * What buildx said about its builder, asked once per engine connection: preflight of a build does
 * not ask ({@link Engine#preflightWithoutBuilder}), the first build does ({@link
 * Engine#requireBuilder}).
 */
final class BuilderState {
  private final BuildxProbe probe;
  private volatile BuildxProbe.Result found;

  BuilderState(BuildxProbe probe) {
    this.probe = probe;
  }

  /** Asks buildx (again) and keeps the answer. */
  BuildxProbe.Result ask() {
    BuildxProbe.Result r = probe.probe();
    found = r;
    return r;
  }

  /** Asked, or without asking: the requested platforms stand for the builder's (checked later). */
  BuildxProbe.Result forPreflight(boolean askBuildx, List<String> platforms) {
    return askBuildx ? ask() : BuildxProbe.Result.found(platforms);
  }

  void require(List<String> platforms) {
    PreflightChecks.requireFeatures(true, ask(), platforms);
  }

  TimestampRewrite timestampRewrite() {
    BuildxProbe.Result r = found;
    return (r == null ? ask() : r).rewrite();
  }
}
