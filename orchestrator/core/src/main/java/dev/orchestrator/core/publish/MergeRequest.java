package dev.orchestrator.core.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code orchestrator merge} is asked to do.
 *
 * @param profile the profile naming the registry, the platforms every image must have and the merge
 *     tags; empty for the repository's default
 * @param digests digests files, or folders whose {@code *.json} files are digests files
 * @param services the services to publish; empty for all
 * @param allowPartial publish services that lack a required platform with what there is
 * @param dryRun plan and print the commands; push nothing
 * @param environment CI's variables ({@code GITHUB_SHA}, {@code GITHUB_REF}, …)
 */
public record MergeRequest(
    Path root,
    Optional<String> profile,
    List<Path> digests,
    List<String> services,
    boolean allowPartial,
    boolean dryRun,
    Map<String, String> environment) {

  public MergeRequest {
    digests = List.copyOf(digests);
    services = List.copyOf(services);
    environment = Map.copyOf(environment);
  }
}
