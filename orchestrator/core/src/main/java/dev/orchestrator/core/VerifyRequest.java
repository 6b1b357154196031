package dev.orchestrator.core;

import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.ServiceResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to verify, as every front end gives it.
 *
 * @param profile the profile name (it names the images); empty for the repository's default
 * @param platforms overrides the profile's platforms when not empty
 * @param services the services to verify (not their dependencies); empty for all
 * @param jobs services verified at once; 0 for the profile's (never negative: front ends check)
 */
public record VerifyRequest(
    Path root, Optional<String> profile, List<String> platforms, List<String> services, int jobs) {

  public VerifyRequest {
    BuildRequest.checkJobs(jobs);
    platforms = List.copyOf(platforms);
    services = List.copyOf(services);
  }

  /** {@code build --verify}: the services the build built (or found cached), on its platforms. */
  static VerifyRequest afterBuild(BuildRequest build, List<String> platforms, BuildReport report) {
    List<String> built =
        Optional.of(report)
            .map(
                r ->
                    r.services().stream()
                        .filter(s -> s.status().succeeded())
                        .map(ServiceResult::name)
                        .toList())
            .orElse(List.of());
    return new VerifyRequest(build.root(), build.profile(), platforms, built, build.jobs());
  }
}
