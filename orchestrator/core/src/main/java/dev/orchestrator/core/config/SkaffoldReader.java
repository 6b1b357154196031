package dev.orchestrator.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code build.artifacts} from a {@code skaffold.yaml} (every document of it): the image
 * (whose last path component is the service name), context, {@code docker.dockerfile}, {@code
 * docker.target}, {@code docker.buildArgs}, platforms (the artifact's, else {@code
 * build.platforms}) and {@code requires}. A required image with an {@code alias} is passed as that
 * build argument, naming the in-repo service, as Skaffold passes the built image; the Dockerfile's
 * {@code FROM $ALIAS} then wires to it. Artifacts built by another builder (Jib, Bazel, ko,
 * buildpacks, a custom script) are not Docker builds and are left out.
 */
public final class SkaffoldReader {
  private static final Set<String> OTHER_BUILDERS =
      Set.of("jib", "bazel", "ko", "buildpacks", "custom");

  private SkaffoldReader() {}

  /**
   * @throws dev.orchestrator.core.error.ConfigurationException with every problem, each with its
   *     line
   */
  public static List<BuildDefinition> read(Path file, Path repositoryRoot) {
    DefinitionNodes nodes = new DefinitionNodes(file, repositoryRoot);
    List<BuildDefinition> definitions = new ArrayList<>();
    for (Node document : YamlSource.composeAll(file, p -> nodes.addAll(List.of(p)))) {
      Map<String, Node> build = nodes.map(nodes.map(document, "(file)").get("build"), "build");
      List<String> platforms = nodes.platforms(build.get("platforms"), "build.platforms");
      for (Node artifact : nodes.list(build.get("artifacts"), "build.artifacts")) {
        readArtifact(nodes, artifact, platforms).ifPresent(definitions::add);
      }
    }
    nodes.throwIfAny();
    return definitions;
  }

  private static Optional<BuildDefinition> readArtifact(
      DefinitionNodes nodes, Node artifact, List<String> buildPlatforms) {
    String where = "build.artifacts";
    Map<String, Node> fields = nodes.map(artifact, where);
    int line = DefinitionNodes.line(artifact);
    Optional<String> image = nodes.text(fields.get("image"), where + ".image");
    if (image.isEmpty()) {
      nodes.report(line, "an artifact needs 'image'");
      return Optional.empty();
    }
    if (fields.keySet().stream().anyMatch(OTHER_BUILDERS::contains)) {
      return Optional.empty();
    }
    String name = BuildDefinition.nameOf(image.get());
    Map<String, Node> docker = nodes.map(fields.get("docker"), where + ".docker");
    String context = nodes.text(fields.get("context"), where + ".context").orElse(".");
    String dockerfile =
        nodes.text(docker.get("dockerfile"), where + ".docker.dockerfile").orElse("Dockerfile");
    Map<String, String> args =
        new LinkedHashMap<>(nodes.args(docker.get("buildArgs"), where + ".docker.buildArgs"));
    List<String> requires = new ArrayList<>();
    for (Node required : nodes.list(fields.get("requires"), where + ".requires")) {
      Map<String, Node> r = nodes.map(required, where + ".requires");
      Optional<String> requiredImage = nodes.text(r.get("image"), where + ".requires.image");
      if (requiredImage.isEmpty()) {
        nodes.report(DefinitionNodes.line(required), "a required artifact needs 'image'");
        continue;
      }
      String requiredName = BuildDefinition.nameOf(requiredImage.get());
      requires.add(requiredName);
      nodes
          .text(r.get("alias"), where + ".requires.alias")
          .ifPresent(alias -> args.put(alias, requiredName));
    }
    List<String> platforms = nodes.platforms(fields.get("platforms"), where + ".platforms");
    Optional<String> target = nodes.text(docker.get("target"), where + ".docker.target");
    int contextLine = DefinitionNodes.lineOr(fields.get("context"), artifact);
    int dockerfileLine = DefinitionNodes.lineOr(docker.get("dockerfile"), artifact);
    return nodes
        .paths(name, contextLine, dockerfileLine, context, dockerfile)
        .map(
            located ->
                new BuildDefinition(
                    name,
                    image,
                    nodes.file(),
                    line,
                    located.context(),
                    located.dockerfile(),
                    target,
                    args,
                    platforms.isEmpty() ? buildPlatforms : platforms,
                    requires));
  }
}
