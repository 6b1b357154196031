package dev.orchestrator.core.publish;

import dev.orchestrator.core.config.DigestsFile;
import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.FileErrors;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.image.ImageNames;
import dev.orchestrator.core.image.Platforms;
import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.PlatformResult;
import dev.orchestrator.core.result.ServiceResult;
import dev.orchestrator.core.state.StateFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The build side of a per-architecture CI job: its checks and the digests file it leaves. */
public final class DigestsOutput {
  private DigestsOutput() {}

  /**
   * Refuses what a job cannot do: push by digest for several platforms at once (the merge joins one
   * digest per platform), or use per-platform builders in one multi-platform invocation.
   */
  public static void check(Profile profile, List<String> platforms) {
    if (profile.output() == Profile.Output.PUSH_BY_DIGEST && platforms.size() != 1) {
      throw new ConfigurationException(
          Problem.inFile(
              profile.file(),
              "output push-by-digest"
                  + " builds one platform per job, but this build asks for "
                  + String.join(", ", platforms)
                  + ": pass --platform with one of them"));
    }
    if (platforms.size() > 1 && platforms.stream().anyMatch(profile.builders()::containsKey)) {
      throw new ConfigurationException(
          Problem.inFile(
              profile.file(),
              "'builders' names a builder"
                  + " per platform, which needs one platform per build (--platform), but this build asks"
                  + " for "
                  + String.join(", ", platforms)
                  + "; for one multi-platform build use a builder"
                  + " with a node per platform (docker buildx create --append)"));
    }
  }

  /** Where a job's digests go unless told: {@code .cache/orchestrator/digests-<arch>.json}. */
  public static Path defaultFile(StateFolder state, List<String> platforms) {
    return state.digestsFile(String.join("-", platforms.stream().map(Platforms::archTag).toList()));
  }

  /** The digests of every service this build pushed by digest. */
  public static DigestsFile of(BuildReport report, Profile profile, Path file) {
    ImageNames names = profile.imageNames();
    Map<String, DigestsFile.Images> services = new TreeMap<>();
    for (ServiceResult s : report.services()) {
      Map<String, String> digests = new TreeMap<>();
      for (PlatformResult p : s.platforms()) {
        p.digest().ifPresent(d -> digests.put(p.platform(), d));
      }
      if (!digests.isEmpty()) {
        services.put(s.name(), new DigestsFile.Images(names.repository(s.name()), digests, 0));
      }
    }
    return new DigestsFile(file, services);
  }

  /**
   * @throws dev.orchestrator.core.error.EnvironmentException when the file cannot be written
   */
  public static void write(DigestsFile digests) {
    try {
      Files.createDirectories(digests.file().toAbsolutePath().getParent());
      Files.writeString(digests.file(), digests.toJson());
    } catch (IOException e) {
      throw FileErrors.environment(
          "write the digests file",
          digests.file(),
          e,
          "The images are pushed already: run again, or name another file (--digests-file, or"
              + " orchestrator.digestsFile for the Maven goal), to record their digests.");
    }
  }
}
