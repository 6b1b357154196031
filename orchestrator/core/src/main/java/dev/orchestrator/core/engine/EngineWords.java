package dev.orchestrator.core.engine;

/** The words of engine failures, the same whichever client made the call. */
final class EngineWords {
  static final String NO_ENGINE_REMEDY =
      "Start one with `make engine`, or point DOCKER_HOST at a running engine.";

  private EngineWords() {}

  /** The usual remedy for a refusal: the command that shows it, and where the engine says why. */
  static String reproduce(String command) {
    return "`"
        + command
        + "` shows the same refusal; the engine's log (journalctl -u docker, or dockerd's"
        + " output) says why.";
  }
}
