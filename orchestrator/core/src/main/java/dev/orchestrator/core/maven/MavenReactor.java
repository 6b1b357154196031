package dev.orchestrator.core.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Maven reactor of a repository, read from its POMs: which folders are modules and which
 * modules each one needs. Empty when the repository root has no {@code pom.xml}.
 */
public final class MavenReactor {
  private final Path root;
  private final Map<Path, ReactorModule> byDirectory = new LinkedHashMap<>();
  private final Map<String, ReactorModule> byCoordinates = new LinkedHashMap<>();

  private MavenReactor(Path root, List<ReactorModule> modules) {
    this.root = root;
    for (ReactorModule m : modules) {
      byDirectory.put(m.directory(), m);
      byCoordinates.putIfAbsent(m.coordinates(), m);
    }
  }

  /**
   * Reads the reactor whose aggregator is {@code root/pom.xml}.
   *
   * @throws dev.orchestrator.core.error.ConfigurationException naming the POM (and line) that
   *     cannot be read, or a {@code <module>} that names no POM
   */
  public static MavenReactor read(Path root) {
    Path dir = root.toAbsolutePath().normalize();
    return Files.isRegularFile(dir.resolve("pom.xml"))
        ? new MavenReactor(dir, ReactorReader.read(dir))
        : new MavenReactor(dir, List.of());
  }

  public Path root() {
    return root;
  }

  /** Every module in reactor order: the aggregator first, then its modules depth first. */
  public List<ReactorModule> modules() {
    return List.copyOf(byDirectory.values());
  }

  public Optional<ReactorModule> module(Path directory) {
    return Optional.ofNullable(byDirectory.get(directory.toAbsolutePath().normalize()));
  }

  public boolean isModule(Path directory) {
    return module(directory).isPresent();
  }

  /** The modules of the reactor that a module depends on directly, in declaration order. */
  public List<ReactorModule> dependenciesOf(ReactorModule module) {
    return module.dependencies().stream()
        .map(byCoordinates::get)
        .filter(m -> m != null && !m.equals(module))
        .toList();
  }

  /**
   * The folders of every reactor module that the module in {@code moduleDir} needs to build,
   * transitively (libraries and other services' modules alike), itself excluded: the library inputs
   * of a service's jar. Empty when the folder is not a module.
   */
  public Set<Path> moduleDirectoriesNeededBy(Path moduleDir) {
    Set<Path> needed = new LinkedHashSet<>();
    Deque<ReactorModule> todo = new ArrayDeque<>();
    module(moduleDir).ifPresent(todo::add);
    Path self = moduleDir.toAbsolutePath().normalize();
    while (!todo.isEmpty()) {
      for (ReactorModule next : dependenciesOf(todo.poll())) {
        if (!next.directory().equals(self) && needed.add(next.directory())) {
          todo.add(next);
        }
      }
    }
    return needed;
  }

  /**
   * The {@code -pl} selection for these folders: the ones that are modules, as paths relative to
   * the reactor root, in reactor order. Maven adds what they need with {@code -am}.
   */
  public List<String> projectList(Collection<Path> directories) {
    Set<Path> wanted = new LinkedHashSet<>();
    directories.forEach(d -> wanted.add(d.toAbsolutePath().normalize()));
    return byDirectory.values().stream()
        .filter(m -> wanted.contains(m.directory()))
        .map(ReactorModule::relativeDirectory)
        .toList();
  }
}
