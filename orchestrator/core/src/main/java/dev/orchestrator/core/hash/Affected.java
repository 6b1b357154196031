package dev.orchestrator.core.hash;

import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.graph.ServiceGraph;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which services a set of changed files affects, and why: a service whose inputs hold a changed
 * file (its build context as sent, so ignored files do not count; its Dockerfile, ignore file and
 * service.yaml; its preparation inputs; extra input folders), then everything that depends on one
 * of those, transitively.
 */
public final class Affected {
  private Affected() {}

  /** One affected service and the reason: a file, or the dependency it was reached through. */
  public record Entry(String service, String reason) {}

  /**
   * @param changed paths relative to {@code root}, {@code /}-separated
   * @return the affected services in name order
   */
  public static List<Entry> of(
      Path root,
      Collection<Service> services,
      ServiceGraph graph,
      Collection<String> changed,
      Function<Service, List<Path>> extraInputs) {
    Map<String, String> reasons = new TreeMap<>();
    for (Service service : services) {
      Matcher matcher = new Matcher(root, service, extraInputs.apply(service));
      for (String path : changed) {
        Optional<String> why = matcher.why(root.resolve(path).normalize());
        if (why.isPresent()) {
          reasons.put(service.name(), why.get() + " " + path + " changed");
          break;
        }
      }
    }
    Deque<String> todo = new ArrayDeque<>(reasons.keySet());
    while (!todo.isEmpty()) {
      String s = todo.removeFirst();
      for (String dependent : graph.dependentsOf(s)) {
        if (!reasons.containsKey(dependent)) {
          reasons.put(dependent, "depends on " + s);
          todo.addLast(dependent);
        }
      }
    }
    return reasons.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList();
  }

  /** Decides whether one absolute path is an input of one service. */
  private static final class Matcher {
    private final Service service;
    private final Path ignoreFile;
    private final DockerIgnore ignore;
    private final List<Path> extra;
    private final List<PathMatcher> prepareInputs;

    Matcher(Path root, Service service, List<Path> extra) {
      this.service = service;
      this.extra = extra;
      this.ignoreFile = InputHasher.ignoreFile(service);
      DockerIgnore parsed = DockerIgnore.NONE;
      if (ignoreFile != null) {
        try {
          parsed = DockerIgnore.parse(java.nio.file.Files.readString(ignoreFile));
        } catch (java.io.IOException | IllegalArgumentException e) {
          parsed = DockerIgnore.NONE; // unreadable: count every context file
        }
      }
      this.ignore = parsed;
      this.prepareInputs =
          service
              .descriptor()
              .prepare()
              .map(
                  p ->
                      p.inputs().stream()
                          .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                          .toList())
              .orElse(List.of());
    }

    Optional<String> why(Path file) {
      if (file.equals(service.dockerfile())) {
        return Optional.of("Dockerfile");
      }
      if (file.equals(ignoreFile)
          || file.equals(service.context().resolve(".dockerignore"))
          || file.equals(
              service
                  .dockerfile()
                  .resolveSibling(service.dockerfile().getFileName() + ".dockerignore"))) {
        return Optional.of("ignore file");
      }
      if (service.descriptor().file() != null && file.equals(service.descriptor().file())) {
        return Optional.of("service.yaml");
      }
      if (file.startsWith(service.directory()) && !prepareInputs.isEmpty()) {
        Path rel = service.directory().relativize(file);
        if (prepareInputs.stream().anyMatch(m -> m.matches(rel))) {
          return Optional.of("preparation input");
        }
      }
      if (file.startsWith(service.context()) && !file.equals(service.context())) {
        String rel = service.context().relativize(file).toString().replace('\\', '/');
        if (!ignore.excludes(rel)) {
          return Optional.of("context file");
        }
      }
      for (Path folder : extra) {
        if (file.startsWith(folder)) {
          String rel = folder.relativize(file).toString();
          if (!rel.startsWith("target/") && !rel.contains("/target/")) {
            return Optional.of("input folder " + folder.getFileName() + ":");
          }
        }
      }
      return Optional.empty();
    }
  }
}
