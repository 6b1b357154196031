package dev.orchestrator.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The repository-wide settings from the optional {@code orchestrator.yaml} at its root.
 *
 * @param root the repository root, absolute
 * @param file the settings file, when there is one
 * @param roots the folders to look for services in, absolute; empty when not configured, which
 *     means the whole repository
 * @param profilesDir the folder holding the build profiles, absolute
 * @param defaultProfile the profile used when none is named
 */
public record RepositoryConfig(
    Path root, Optional<Path> file, List<Path> roots, Path profilesDir, String defaultProfile) {

  /** The file name looked for at the repository root. */
  public static final String FILE_NAME = "orchestrator.yaml";

  public static final String DEFAULT_PROFILES_DIR = "buildx-profiles";
  public static final String DEFAULT_PROFILE = "local";

  public RepositoryConfig {
    roots = List.copyOf(roots);
  }

  /** The settings of a repository without {@code orchestrator.yaml}. */
  public static RepositoryConfig defaults(Path root) {
    Path absolute = root.toAbsolutePath().normalize();
    return new RepositoryConfig(
        absolute,
        Optional.empty(),
        List.of(),
        absolute.resolve(DEFAULT_PROFILES_DIR),
        DEFAULT_PROFILE);
  }
}
