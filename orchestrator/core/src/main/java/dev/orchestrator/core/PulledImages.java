package dev.orchestrator.core;

import dev.orchestrator.core.config.DigestsFile;
import dev.orchestrator.core.config.DigestsFileReader;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.process.Command;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import dev.orchestrator.core.progress.BuildEvent;
import dev.orchestrator.core.progress.BuildListener;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code verify} in a push-by-digest CI job: the images that job pushed are not in its engine under
 * a tag, so each is pulled by the digest its digests file records ({@code docker pull --platform P
 * REG/NS/SVC@sha256:…}) and verified by that reference.
 */
final class PulledImages {
  private PulledImages() {}

  /**
   * @return the reference pulled: {@code repository@digest}
   * @throws ConfigurationException when the digests file has no digest for the service
   * @throws EnvironmentException when the pull fails
   */
  static String pull(
      CommandRunner runner,
      Path root,
      Path digestsFile,
      String service,
      List<String> platforms,
      BuildListener listener) {
    DigestsFile file = DigestsFileReader.read(digestsFile);
    DigestsFile.Images images = file.services().get(service);
    String platform = platforms.get(0);
    if (images == null || !images.digests().containsKey(platform)) {
      throw new ConfigurationException(
          Problem.inFile(
              digestsFile,
              "no "
                  + platform
                  + " digest for "
                  + service
                  + ": verify takes a push-by-digest job's images from the digests file its build"
                  + " wrote (--digests-file)"));
    }
    String reference = images.repository() + "@" + images.digests().get(platform);
    listener.on(new BuildEvent.Phase(service, "pulling " + reference));
    ProcessResult r =
        runner.run(
            Command.of(
                List.of("docker", "pull", "--quiet", "--platform", platform, reference), root),
            line -> listener.on(new BuildEvent.Output(service, line)));
    if (!r.succeeded()) {
      throw new EnvironmentException(
          "docker pull "
              + reference
              + " exited with "
              + r.exitCode()
              + ": "
              + String.join(" ", r.tail(3)),
          "check that the registry answers and holds the image the digests file names");
    }
    return reference;
  }
}
