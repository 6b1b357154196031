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
  private volatile String engine = "";

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

  /** The engine's ID and version, from its preflight: part of what a kept answer is kept by. */
  void engineIs(String identity) {
    engine = identity;
  }

  /** Asks buildx, or takes the answer an earlier run kept for the same builder on this engine. */
  void require(List<String> platforms) {
    BuildxProbe.Result r = probe.probe(platforms, engine);
    found = r;
    PreflightChecks.requireFeatures(true, r, platforms);
  }

  TimestampRewrite timestampRewrite() {
    BuildxProbe.Result r = found;
    return (r == null ? ask() : r).rewrite();
  }
}
