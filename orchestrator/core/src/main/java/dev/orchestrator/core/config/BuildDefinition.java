package dev.orchestrator.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One image an existing build definition (a compose file's {@code build:} section, a Skaffold
 * artifact, a bake target) describes, with paths resolved and checked against the filesystem.
 *
 * @param name the service name it gives: the compose service, the bake target, or the last path
 *     component of the Skaffold image
 * @param image the image name the definition gives, if any ({@code image:}, Skaffold's {@code
 *     image}, bake's first tag)
 * @param file the definition file, absolute
 * @param line the 1-based line where this definition starts (0 when unknown)
 * @param context the build context folder, absolute
 * @param dockerfile the Dockerfile, absolute
 * @param requires services this one needs built first (Skaffold {@code requires}, bake {@code
 *     contexts} with {@code target:}, compose {@code additional_contexts} with {@code service:})
 */
public record BuildDefinition(
    String name,
    Optional<String> image,
    Path file,
    int line,
    Path context,
    Path dockerfile,
    Optional<String> target,
    Map<String, String> args,
    List<String> platforms,
    List<String> requires) {

  public BuildDefinition {
    args = Map.copyOf(args);
    platforms = List.copyOf(platforms);
    requires = List.copyOf(requires);
  }

  /** Where the definition is, as {@code list} shows it: {@code compose.yaml:12}. */
  public String origin(Path repositoryRoot) {
    String where = repositoryRoot.relativize(file).toString();
    return line > 0 ? where + ":" + line : where;
  }

  /**
   * The service name an image name gives: its last path component without tag or digest ({@code
   * gcr.io/k8s-skaffold/leeroy-web:v1} gives {@code leeroy-web}).
   */
  public static String nameOf(String image) {
    String name = image;
    int at = name.indexOf('@');
    if (at >= 0) {
      name = name.substring(0, at);
    }
    int slash = name.lastIndexOf('/');
    int colon = name.lastIndexOf(':');
    if (colon > slash) {
      name = name.substring(0, colon);
    }
    return name.substring(slash + 1);
  }
}
