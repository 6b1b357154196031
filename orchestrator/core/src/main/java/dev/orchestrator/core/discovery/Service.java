package dev.orchestrator.core.discovery;

import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.dockerfile.DockerfileInfo;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One buildable image of the repository.
 *
 * @param name the service name: from a build definition or {@code service.yaml}, else its folder
 *     name (see {@link ServiceNames#namingFolder})
 * @param directory the service folder, absolute
 * @param relativeDirectory the service folder relative to the repository root, for display
 * @param dockerfile the Dockerfile, absolute
 * @param context the build context folder, absolute
 * @param origin where the service's definition and name came from, for {@code list}: {@code
 *     compose.yaml:12}, {@code services/a/service.yaml}, or {@code folder src/cartservice (src is a
 *     generic name)}
 * @param image the image name an existing build definition gives it, if any
 */
public record Service(
    String name,
    Path directory,
    Path relativeDirectory,
    Path dockerfile,
    Path context,
    ServiceDescriptor descriptor,
    DockerfileInfo dockerfileInfo,
    String origin,
    Optional<String> image) {

  /** A service found by its folder, without a build definition. */
  public Service(
      String name,
      Path directory,
      Path relativeDirectory,
      Path dockerfile,
      Path context,
      ServiceDescriptor descriptor,
      DockerfileInfo dockerfileInfo) {
    this(
        name,
        directory,
        relativeDirectory,
        dockerfile,
        context,
        descriptor,
        dockerfileInfo,
        "folder " + relativeDirectory,
        Optional.empty());
  }

  /**
   * The label keys the service sets itself, which the orchestrator's own labels leave alone: its
   * Dockerfile's, in the stage it builds (the target, else the last) and the stages that one is
   * built FROM, and its {@code service.yaml}'s {@code labels}.
   */
  public Set<String> ownLabelKeys() {
    Set<String> keys = new TreeSet<>(dockerfileInfo.labelKeys(descriptor.target()));
    keys.addAll(descriptor.labels().keySet());
    return Collections.unmodifiableSet(keys);
  }
}
