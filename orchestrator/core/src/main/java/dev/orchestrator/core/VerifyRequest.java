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
 * @param digestsFile with a {@code push-by-digest} profile, the job's digests file (default: {@code
 *     .cache/orchestrator/digests-<arch>.json}): its images are pulled by digest into this engine
 *     and verified as {@code REG/NS/SVC@sha256:…}, never by a mutable tag
 */
public record VerifyRequest(
    Path root,
    Optional<String> profile,
    List<String> platforms,
    List<String> services,
    int jobs,
    Optional<Path> digestsFile) {

  public VerifyRequest(
      Path root,
      Optional<String> profile,
      List<String> platforms,
      List<String> services,
      int jobs) {
    this(root, profile, platforms, services, jobs, Optional.empty());
  }

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
    return new VerifyRequest(
        build.root(), build.profile(), platforms, built, build.jobs(), build.digestsFile());
  }
}
