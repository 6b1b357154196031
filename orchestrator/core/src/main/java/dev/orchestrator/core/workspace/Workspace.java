package dev.orchestrator.core.workspace;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.config.Profiles;
import dev.orchestrator.core.discovery.Repository;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.discovery.ServiceDiscovery;
import dev.orchestrator.core.dockerfile.Stage;
import dev.orchestrator.core.graph.GraphBuilder;
import dev.orchestrator.core.graph.ServiceGraph;
import dev.orchestrator.core.graph.Wiring;
import dev.orchestrator.core.image.ImageNames;
import dev.orchestrator.core.maven.MavenEdges;
import dev.orchestrator.core.maven.MavenReactor;
import dev.orchestrator.core.process.CommandRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A repository read once: its services, its Maven reactor and their graph. Every verb starts from
 * here.
 */
public record Workspace(Repository repository, ServiceGraph graph, MavenReactor maven) {

  /**
   * @param runner runs git for discovery (which paths git ignores)
   */
  public static Workspace load(Path root, CommandRunner runner) {
    Repository repository = ServiceDiscovery.discover(root, runner);
    MavenReactor maven = MavenReactor.read(repository.root());
    return new Workspace(
        repository, GraphBuilder.build(repository, MavenEdges.of(maven, repository)), maven);
  }

  public Path root() {
    return repository.root();
  }

  /** The profile called {@code name} (else the repository's default), no registry given. */
  public Profile profile(Optional<String> name) {
    return profile(name, Optional.empty());
  }

  /**
   * The profile called {@code name} (else the repository's default): built in, or from the
   * repository's profiles folder, over the built-in one of that name.
   *
   * @param registry the registry given on the command line or in the environment
   */
  public Profile profile(Optional<String> name, Optional<String> registry) {
    Map<String, String> paths = new TreeMap<>();
    for (Service s : repository.services()) {
      s.image().ifPresent(image -> paths.put(s.name(), ImageNames.pathOf(image)));
    }
    return profiles()
        .resolve(name.orElse(repository.config().defaultProfile()), registry)
        .withImagePaths(paths);
  }

  /** The repository's profiles: the built-in ones and its files. */
  public Profiles profiles() {
    return Profiles.in(root().resolve(repository.config().profilesDir()));
  }

  /**
   * Folders outside a service's build context whose files still shape its image, hashed as its
   * inputs and watched by {@code affected}. Hook for the Maven reactor: the folders of the modules
   * a service's module depends on (their sources, not their {@code target}).
   */
  public List<Path> extraInputs(Service service) {
    return List.copyOf(maven.moduleDirectoriesNeededBy(service.directory()));
  }

  /** A service whose folder is a module of the repository's Maven reactor. */
  public boolean isMavenModule(Service service) {
    return maven.isModule(service.directory());
  }

  /** The {@code -pl} list for these services: the reactor modules among their folders. */
  public List<String> mavenProjects(List<String> serviceNames) {
    Map<String, Service> services = repository.byName();
    return maven.projectList(
        serviceNames.stream().map(services::get).map(Service::directory).toList());
  }

  /**
   * The image a service's final stage builds FROM, following its own stages (a {@code FROM builder}
   * stage leads to that stage's base): an in-repo service by {@code inRepoReference}, an external
   * image as written; empty for {@code scratch}.
   */
  public Optional<String> finalBaseImage(
      Service service, Function<String, String> inRepoReference) {
    List<Stage> stages = service.dockerfileInfo().stages();
    Map<String, Service> names = repository.byName();
    Stage stage = stages.isEmpty() ? null : stages.get(stages.size() - 1);
    for (int hops = 0; stage != null && hops <= stages.size(); hops++) {
      String base = stage.baseImage();
      if (base.equalsIgnoreCase("scratch")) {
        return Optional.empty();
      }
      Optional<Stage> earlier = stageNamed(stages, base);
      if (earlier.isEmpty()) {
        return Optional.of(
            GraphBuilder.isInRepo(service, base, names) ? inRepoReference.apply(base) : base);
      }
      stage = earlier.get();
    }
    return Optional.empty();
  }

  /** A stage by its {@code AS} name (case-insensitive, as BuildKit) or its index. */
  private static Optional<Stage> stageNamed(List<Stage> stages, String reference) {
    String lower = reference.toLowerCase(Locale.ROOT);
    return stages.stream()
        .filter(
            s ->
                s.name().map(lower::equals).orElse(false)
                    || String.valueOf(s.index()).equals(lower))
        .findFirst();
  }

  public List<ServiceSummary> summaries() {
    Map<String, Service> names = repository.byName();
    return repository.services().stream()
        .map(
            s -> {
              Set<String> external = new TreeSet<>();
              s.dockerfileInfo().references().stream()
                  .map(r -> r.image())
                  .filter(image -> !GraphBuilder.isInRepo(s, image, names))
                  .forEach(external::add);
              return new ServiceSummary(
                  s.name(),
                  s.relativeDirectory().toString(),
                  root().relativize(s.dockerfile()).toString(),
                  List.copyOf(new TreeSet<>(graph.dependenciesOf(s.name()))),
                  List.copyOf(external),
                  s.descriptor().platforms(),
                  isMavenModule(s),
                  s.origin(),
                  s.image(),
                  Wiring.warnings(s, names));
            })
        .toList();
  }
}
