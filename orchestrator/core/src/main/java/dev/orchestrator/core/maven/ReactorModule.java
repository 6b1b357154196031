package dev.orchestrator.core.maven;

import java.nio.file.Path;
import java.util.List;

/**
 * One module of the Maven reactor, as far as the orchestrator needs it.
 *
 * @param directory the module folder, absolute and normalized
 * @param relativeDirectory the folder relative to the reactor root, as {@code -pl} takes it
 * @param dependencies {@code groupId:artifactId} of its dependencies (its own and those inherited
 *     from parents), test scope left out, after property interpolation
 */
public record ReactorModule(
    Path directory,
    String relativeDirectory,
    String groupId,
    String artifactId,
    List<String> dependencies) {

  public ReactorModule {
    dependencies = List.copyOf(dependencies);
  }

  /** {@code groupId:artifactId}: how dependencies name it (versions are not compared). */
  public String coordinates() {
    return groupId + ":" + artifactId;
  }
}
