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
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
    FoundFolders found = serviceFolders(repositoryRoot, scanRoots, runner);
    List<Service> services =
        new ServiceLoader(repositoryRoot, scanRoots)
            .load(found.folders(), found.plain(), Definitions.read(repositoryRoot, runner));
    return new Repository(repositoryRoot, config, services);
  }

  private static List<Path> rootsToScan(Path repositoryRoot, RepositoryConfig config) {
    if (!config.roots().isEmpty()) {
      return config.roots().stream().map(r -> repositoryRoot.resolve(r).normalize()).toList();
    }
    Path services = repositoryRoot.resolve(DEFAULT_ROOT);
    return Files.isDirectory(services) ? List.of(services) : List.of(repositoryRoot);
  }

  /**
   * The service folders the walk found, in path order; {@code plain}: those holding a Dockerfile
   * that is a regular file (no link) under a scan root inside the repository, and no service.yaml.
   * Loading asks nothing more about their files, which on thousands of services saves thousands of
   * file system calls.
   */
  private record FoundFolders(List<Path> folders, Set<Path> plain) {}

  private static FoundFolders serviceFolders(
      Path repositoryRoot, List<Path> roots, CommandRunner runner) {
    GitIgnoredPaths ignored = GitIgnoredPaths.of(runner, repositoryRoot);
    // Sets: a folder with both a Dockerfile and a service.yaml is found twice.
    Set<Path> folders = new TreeSet<>();
    Set<Path> withDescriptor = new HashSet<>();
    Set<Path> withPlainDockerfile = new HashSet<>();
    Path realRoot = realPath(repositoryRoot);
    for (Path scanRoot : roots) {
      // The walk follows no link, so what it finds is inside its start's real path. (The config
      // reader already refuses a root that leads outside; this keeps the promise without it.)
      Path realScanRoot = realPath(scanRoot);
      boolean inside =
          realRoot != null && realScanRoot != null && realScanRoot.startsWith(realRoot);
      try {
        // The walk reads every entry's attributes anyway, so a service folder is recognised
        // from its entries as they are visited rather than by asking again for each folder.
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
                if (!dir.equals(scanRoot) && isDescriptor(dir)) {
                  folders.add(dir.getParent());
                  withDescriptor.add(dir.getParent());
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (isDescriptor(file)) {
                  folders.add(file.getParent());
                  withDescriptor.add(file.getParent());
                } else if (isDockerfile(file, attrs)) {
                  folders.add(file.getParent());
                  if (inside && attrs.isRegularFile()) {
                    withPlainDockerfile.add(file.getParent());
                  }
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
    withPlainDockerfile.removeAll(withDescriptor);
    return new FoundFolders(List.copyOf(folders), withPlainDockerfile);
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isDescriptor(Path path) {
    return path.getFileName().toString().equals(ServiceLoader.DESCRIPTOR);
  }

  /** A file named exactly Dockerfile, or a link to one (the walk does not follow links). */
  private static boolean isDockerfile(Path file, BasicFileAttributes attrs) {
    return file.getFileName().toString().equals("Dockerfile")
        && (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file));
  }
}
