package dev.orchestrator.core.discovery;

import dev.orchestrator.core.config.BakeReader;
import dev.orchestrator.core.config.BuildDefinition;
import dev.orchestrator.core.config.ComposeReader;
import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.config.SkaffoldReader;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.process.Command;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The existing build definitions at the repository root, in this order: {@code skaffold.yaml},
 * {@code docker-bake.hcl} (through {@code docker buildx bake --print}) or else {@code
 * docker-bake.json}, and the first of {@code compose.yaml}, {@code compose.yml}, {@code
 * docker-compose.yaml}, {@code docker-compose.yml}. A service name two files define is taken from
 * the first.
 */
final class Definitions {
  static final List<String> COMPOSE_FILES =
      List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");
  private static final Duration BAKE_TIME_LIMIT = Duration.ofSeconds(60);

  private Definitions() {}

  static List<BuildDefinition> read(Path root, CommandRunner runner) {
    List<BuildDefinition> all = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    collect(problems, all, () -> readIf(root.resolve("skaffold.yaml"), SkaffoldReader::read, root));
    collect(problems, all, () -> bake(root, runner));
    collect(
        problems,
        all,
        () ->
            COMPOSE_FILES.stream()
                .map(root::resolve)
                .filter(Files::isRegularFile)
                .findFirst()
                .map(file -> ComposeReader.read(file, root))
                .orElse(List.of()));
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    Map<String, BuildDefinition> byName = new LinkedHashMap<>();
    all.forEach(d -> byName.putIfAbsent(d.name(), d));
    return List.copyOf(byName.values());
  }

  /**
   * The service folder of a definition: its context when the Dockerfile is inside it (so a Maven
   * module with its Dockerfile in {@code docker/} is still that module), else the Dockerfile's.
   */
  static Path directory(BuildDefinition definition) {
    return definition.dockerfile().startsWith(definition.context())
        ? definition.context()
        : definition.dockerfile().getParent();
  }

  /**
   * The definition as a descriptor for {@code folder}, with what {@code own} (the folder's {@code
   * service.yaml}) sets winning key by key; build arguments are merged, {@code service.yaml}'s
   * winning for the same name, and dependencies are joined.
   */
  static ServiceDescriptor merge(BuildDefinition d, Path folder, ServiceDescriptor own) {
    Map<String, String> args = new LinkedHashMap<>(d.args());
    args.putAll(own.args());
    Set<String> dependsOn = new java.util.LinkedHashSet<>(d.requires());
    dependsOn.addAll(own.dependsOn());
    Map<String, Integer> lines = new HashMap<>();
    if (own.file() == null) {
      for (String key : List.of("name", "dockerfile", "context", "dependsOn")) {
        lines.put(key, d.line());
      }
    } else {
      lines.putAll(own.lines());
    }
    return own.toBuilder()
        .file(own.file() != null ? own.file() : d.file())
        .name(own.name().or(() -> Optional.of(d.name())))
        .dockerfile(
            own.dockerfile().or(() -> Optional.of(folder.relativize(d.dockerfile()).toString())))
        .context(own.context().or(() -> Optional.of(relative(folder, d.context()))))
        .target(own.target().or(d::target))
        .args(args)
        .platforms(own.platforms().isEmpty() ? d.platforms() : own.platforms())
        .dependsOn(List.copyOf(dependsOn))
        .lines(lines)
        .build();
  }

  private static String relative(Path folder, Path to) {
    String text = folder.relativize(to).toString();
    return text.isEmpty() ? "." : text;
  }

  private interface Reading {
    List<BuildDefinition> read();
  }

  private static void collect(List<Problem> problems, List<BuildDefinition> into, Reading reading) {
    try {
      into.addAll(reading.read());
    } catch (ConfigurationException e) {
      problems.addAll(e.problems());
    }
  }

  private interface Reader {
    List<BuildDefinition> read(Path file, Path root);
  }

  private static List<BuildDefinition> readIf(Path file, Reader reader, Path root) {
    return Files.isRegularFile(file) ? reader.read(file, root) : List.of();
  }

  /** HCL goes through bake itself, which resolves variables, functions and inheritance. */
  private static List<BuildDefinition> bake(Path root, CommandRunner runner) {
    Path hcl = root.resolve("docker-bake.hcl");
    if (!Files.isRegularFile(hcl)) {
      return readIf(root.resolve("docker-bake.json"), BakeReader::readJson, root);
    }
    List<String> argv =
        List.of("docker", "buildx", "bake", "--print", "--progress=quiet", "-f", hcl.toString());
    ProcessResult result;
    try {
      result = runner.run(Command.of(argv, root).withTimeLimit(BAKE_TIME_LIMIT), line -> {});
    } catch (EnvironmentException e) {
      throw new EnvironmentException(
          "cannot read docker-bake.hcl: " + e.getMessage(),
          "docker buildx turns docker-bake.hcl into JSON; install it (make engine), or write"
              + " docker-bake.json instead.",
          e);
    }
    String output = String.join("\n", result.output());
    if (!result.succeeded()) {
      throw new ConfigurationException(
          Problem.inFile(hcl, "docker buildx bake --print failed: " + output.strip()));
    }
    int start = output.indexOf('{');
    return BakeReader.readPrinted(hcl, start < 0 ? output : output.substring(start), root);
  }
}
