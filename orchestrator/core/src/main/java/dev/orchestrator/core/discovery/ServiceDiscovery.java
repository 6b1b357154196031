package dev.orchestrator.core.discovery;

import dev.orchestrator.core.config.RepositoryConfig;
import dev.orchestrator.core.config.RepositoryConfigReader;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.git.GitIgnoredPaths;
import dev.orchestrator.core.process.CommandRunner;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the services of a repository: first the images that existing build definitions at its root
 * describe (compose, Skaffold, bake: see {@link Definitions}), then every other folder under the
 * service roots holding a file named exactly {@code Dockerfile} (variants such as {@code
 * Dockerfile.debug} are not services), or a {@code service.yaml}. Roots come from {@code
 * orchestrator.yaml}; else {@code services/}; else the whole repository, skipping VCS folders,
 * build outputs and git-ignored paths.
 */
public final class ServiceDiscovery {
  static final String DEFAULT_ROOT = "services";
  private static final Set<String> NEVER_SCANNED =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          "target",
          "build",
          "node_modules",
          ".cache",
          ".gradle",
          ".idea",
          ".mvn");

  private ServiceDiscovery() {}

  /**
   * @param runner asks git which paths it ignores, when the whole repository is scanned
   */
  public static Repository discover(Path root, CommandRunner runner) {
    Path repositoryRoot = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(repositoryRoot)) {
      throw new ConfigurationException(
          Problem.inFile(repositoryRoot, "repository root is not a folder"));
    }
    RepositoryConfig config = RepositoryConfigReader.read(repositoryRoot);
    List<Path> scanRoots = rootsToScan(repositoryRoot, config);
    List<Path> folders = serviceFolders(repositoryRoot, scanRoots, runner);
    List<Service> services =
        new ServiceLoader(repositoryRoot, scanRoots)
            .load(folders, Definitions.read(repositoryRoot, runner));
    return new Repository(repositoryRoot, config, services);
  }

  private static List<Path> rootsToScan(Path repositoryRoot, RepositoryConfig config) {
    if (!config.roots().isEmpty()) {
      return config.roots().stream().map(r -> repositoryRoot.resolve(r).normalize()).toList();
    }
    Path services = repositoryRoot.resolve(DEFAULT_ROOT);
    return Files.isDirectory(services) ? List.of(services) : List.of(repositoryRoot);
  }

  private static List<Path> serviceFolders(
      Path repositoryRoot, List<Path> roots, CommandRunner runner) {
    GitIgnoredPaths ignored = GitIgnoredPaths.of(runner, repositoryRoot);
    List<Path> folders = new ArrayList<>();
    for (Path scanRoot : roots) {
      try {
        Files.walkFileTree(
            scanRoot,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(scanRoot)
                    && (NEVER_SCANNED.contains(dir.getFileName().toString())
                        || ignored.contains(dir))) {
                  return FileVisitResult.SKIP_SUBTREE;
                }
                // Any service.yaml counts, a folder too: loading it says it is not a file.
                if (Files.isRegularFile(dir.resolve("Dockerfile"))
                    || Files.exists(
                        dir.resolve(ServiceLoader.DESCRIPTOR), LinkOption.NOFOLLOW_LINKS)) {
                  folders.add(dir);
                }
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        throw new EnvironmentException(
            "cannot scan " + scanRoot + " for services: " + FileErrors.reasonAt(scanRoot, e),
            FileErrors.check(FileErrors.path(e, scanRoot), e)
                + " If it holds no service, leave it out of the scan: list the folders that hold"
                + " services under 'roots' in "
                + RepositoryConfig.FILE_NAME
                + ".",
            e);
      }
    }
    return folders;
  }
}
