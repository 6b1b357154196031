package dev.orchestrator.core.publish;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.image.Platforms;
import dev.orchestrator.core.state.StateFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CI jobs of a multi-platform publish: one per architecture, each building its platform with
 * profile {@code ci-<arch>} on a runner of that architecture and pushing by digest; a merge job
 * (not listed) then joins their digests. Pure.
 */
public final class JobMatrix {
  /** GitHub's hosted runners per architecture; others build under emulation on amd64. */
  static final Map<String, String> RUNNERS =
      Map.of("amd64", "ubuntu-24.04", "arm64", "ubuntu-24.04-arm");

  static final String DEFAULT_RUNNER = "ubuntu-24.04";

  private JobMatrix() {}

  /**
   * @param profilesDir where the {@code ci-<arch>} profiles must be
   * @param available the profile names there
   */
  public static List<Job> jobs(List<String> platforms, Path profilesDir, List<String> available) {
    List<Job> jobs = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String platform : Platforms.resolve(platforms)) {
      String arch = Platforms.archTag(platform);
      String profile = "ci-" + arch;
      if (!available.contains(profile)) {
        problems.add(
            Problem.inFile(
                profilesDir,
                "no profile '"
                    + profile
                    + "' for the "
                    + platform
                    + " job: add "
                    + profile
                    + ".yaml (output: push-by-digest, platforms: ["
                    + platform
                    + "])"));
      }
      jobs.add(
          new Job(
              arch,
              platform,
              profile,
              RUNNERS.getOrDefault(arch, DEFAULT_RUNNER),
              StateFolder.relativeDigestsFile(arch),
              "digests-" + arch));
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return jobs;
  }

  /**
   * One job.
   *
   * @param digestsFile where its build writes the digests, relative to the repository
   * @param artifact the name to upload the digests file under, for the merge job
   */
  public record Job(
      String arch,
      String platform,
      String profile,
      String runner,
      String digestsFile,
      String artifact) {

    /** The job report its build writes beside the digests file, relative to the repository. */
    public String reportFile() {
      int slash = digestsFile.lastIndexOf('/');
      return digestsFile.substring(0, slash + 1) + "report-" + digestsFile.substring(slash + 1);
    }
  }
}
