package dev.orchestrator.core.workspace;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository holding a folder: the nearest ancestor with a marker of one. */
public final class RepositoryRoot {
  private static final String[] MARKERS = {"orchestrator.yaml", "buildx-profiles", ".git"};

  private RepositoryRoot() {}

  public static Path find(Path start) {
    Path dir = start.toAbsolutePath().normalize();
    for (Path p = dir; p != null; p = p.getParent()) {
      for (String marker : MARKERS) {
        if (Files.exists(p.resolve(marker))) {
          return p;
        }
      }
    }
    return dir;
  }
}
