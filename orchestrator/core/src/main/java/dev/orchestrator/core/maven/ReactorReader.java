package dev.orchestrator.core.maven;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;

/**
 * Reads a reactor from its root POM: {@code <modules>} followed recursively, groupId and version
 * inherited from {@code <parent>}, properties ({@code ${project.version}}, {@code <properties>} of
 * the POM and its parents) interpolated in dependency coordinates. It is not Maven's model builder:
 * no profiles, no imports, nothing downloaded, which keeps it to a few milliseconds.
 */
final class ReactorReader {
  private final Path root;

  /** Every POM read, modules and parents alike, by file. */
  private final Map<Path, Model> models = new LinkedHashMap<>();

  private final Map<Path, Map<String, String>> properties = new HashMap<>();
  private final Map<Path, List<String>> dependencies = new HashMap<>();

  private ReactorReader(Path root) {
    this.root = root;
  }

  static List<ReactorModule> read(Path root) {
    ReactorReader reader = new ReactorReader(root.toAbsolutePath().normalize());
    Set<Path> poms = new LinkedHashSet<>();
    reader.collect(reader.root.resolve("pom.xml"), poms);
    List<ReactorModule> modules = new ArrayList<>();
    for (Path pom : poms) {
      modules.add(reader.module(pom));
    }
    return modules;
  }

  /** The aggregator, then its modules depth first; a module listed twice is read once. */
  private void collect(Path pom, Set<Path> poms) {
    if (!poms.add(pom)) {
      return;
    }
    Model model = model(pom);
    for (String module : model.getModules()) {
      Path target = pom.getParent().resolve(module).normalize();
      Path modulePom = Files.isDirectory(target) ? target.resolve("pom.xml") : target;
      if (!Files.isRegularFile(modulePom)) {
        throw new ConfigurationException(
            Problem.inFile(
                pom,
                "<module>" + module + "</module> names no POM: " + modulePom + " does not exist"));
      }
      collect(modulePom, poms);
    }
  }

  private ReactorModule module(Path pom) {
    Map<String, String> props = properties(pom);
    String relative = root.relativize(pom.getParent()).toString().replace('\\', '/');
    return new ReactorModule(
        pom.getParent(),
        relative.isEmpty() ? "." : relative,
        props.get("project.groupId"),
        props.get("project.artifactId"),
        dependencies(pom));
  }

  private Model model(Path pom) {
    return models.computeIfAbsent(pom, PomReader::read);
  }

  /** The parent POM when it is on disk (relativePath, by default ../pom.xml) and matches. */
  private Optional<Path> parentPom(Path pom) {
    Parent parent = model(pom).getParent();
    if (parent == null) {
      return Optional.empty();
    }
    String relativePath =
        parent.getRelativePath() == null ? "../pom.xml" : parent.getRelativePath();
    if (relativePath.isBlank()) {
      return Optional.empty();
    }
    Path candidate = pom.getParent().resolve(relativePath).normalize();
    Path file = Files.isDirectory(candidate) ? candidate.resolve("pom.xml") : candidate;
    if (!Files.isRegularFile(file) || file.equals(pom)) {
      return Optional.empty();
    }
    Model model = model(file);
    String groupId =
        model.getGroupId() != null
            ? model.getGroupId()
            : model.getParent() != null ? model.getParent().getGroupId() : null;
    boolean matches =
        parent.getArtifactId().equals(model.getArtifactId())
            && (groupId == null || groupId.equals(parent.getGroupId()));
    return matches ? Optional.of(file) : Optional.empty();
  }

  /** Properties as Maven would see them: the parents' first, then the POM's, then project.*. */
  private Map<String, String> properties(Path pom) {
    Map<String, String> cached = properties.get(pom);
    if (cached != null) {
      return cached;
    }
    Model model = model(pom);
    Parent parent = model.getParent();
    Map<String, String> props =
        new HashMap<>(parentPom(pom).map(this::properties).orElse(Map.of()));
    model.getProperties().forEach((k, v) -> props.put(k.toString(), v.toString()));
    String groupId =
        model.getGroupId() != null
            ? model.getGroupId()
            : parent != null ? parent.getGroupId() : null;
    String version =
        model.getVersion() != null
            ? model.getVersion()
            : parent != null ? parent.getVersion() : null;
    put(props, groupId, "project.groupId", "pom.groupId", "groupId");
    put(props, model.getArtifactId(), "project.artifactId", "pom.artifactId", "artifactId");
    put(props, version, "project.version", "pom.version", "version");
    if (parent != null) {
      put(props, parent.getGroupId(), "project.parent.groupId", "parent.groupId");
      put(props, parent.getVersion(), "project.parent.version", "parent.version");
    }
    props.replaceAll((k, v) -> Interpolation.apply(v, props));
    properties.put(pom, props);
    return props;
  }

  private static void put(Map<String, String> props, String value, String... keys) {
    for (String key : keys) {
      if (value != null) {
        props.put(key, value);
      } else {
        props.remove(key);
      }
    }
  }

  /** Declared dependencies, the parents' inherited, as groupId:artifactId; test scope left out. */
  private List<String> dependencies(Path pom) {
    List<String> cached = dependencies.get(pom);
    if (cached != null) {
      return cached;
    }
    Set<String> result =
        new LinkedHashSet<>(parentPom(pom).map(this::dependencies).orElse(List.of()));
    Map<String, String> props = properties(pom);
    for (Dependency d : model(pom).getDependencies()) {
      if (!"test".equals(d.getScope())) {
        result.add(
            Interpolation.apply(d.getGroupId(), props)
                + ":"
                + Interpolation.apply(d.getArtifactId(), props));
      }
    }
    result.remove(props.get("project.groupId") + ":" + props.get("project.artifactId"));
    List<String> list = List.copyOf(result);
    dependencies.put(pom, list);
    return list;
  }
}
