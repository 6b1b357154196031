package dev.orchestrator.core.engine;

import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.FileErrors;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

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

  /** The export could not be spooled or read: the temporary file's disk, else the engine's. */
  static EnvironmentException exportFailed(
      String imageRef, java.net.URI host, Path spool, IOException e) {
    Path tmp = spool != null ? spool : Path.of(System.getProperty("java.io.tmpdir"));
    boolean local =
        e instanceof FileSystemException
            || FileErrors.reason(e).toLowerCase(Locale.ROOT).contains("no space left");
    return new EnvironmentException(
        "could not read the export of "
            + imageRef
            + " from the engine at "
            + host
            + ": "
            + FileErrors.reason(e),
        local
            ? FileErrors.check(FileErrors.path(e, tmp), e)
                + " The export is spooled to java.io.tmpdir ("
                + System.getProperty("java.io.tmpdir")
                + ")."
            : "`docker image save "
                + imageRef
                + " | tar -t` shows what the engine exports (an OCI layout with index.json);"
                + " if it breaks off, restart the engine (`make engine`).",
        e);
  }
}
