package dev.orchestrator.core;

import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.EnvironmentException;
import dev.orchestrator.core.error.Problem;
import dev.orchestrator.core.git.GitRevision;
import dev.orchestrator.core.image.ImageLabels;
import dev.orchestrator.core.process.CommandRunner;
import dev.orchestrator.core.process.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the images of one build say about their sources ({@link ImageLabels.Provenance}): the commit
 * and version as {@code merge} finds them (CI's variables first, else git), the remote (credentials
 * removed). Outside a git clone no git runs. The {@code created} label is each service's own, from
 * its {@code SOURCE_DATE_EPOCH} (see {@link SourceDateEpochs}).
 */
final class BuildProvenance {
  static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

  private BuildProvenance() {}

  static ImageLabels.Provenance of(Path root, Map<String, String> env, CommandRunner runner) {
    Optional<String> created = Optional.empty();
    Optional<GitRevision> ci = GitRevision.fromEnvironment(env);
    if (ci.isEmpty() && !insideGit(root)) {
      return new ImageLabels.Provenance(
          Optional.empty(), Optional.empty(), created, Optional.empty());
    }
    GitRevision revision = ci.orElseGet(() -> GitRevision.fromGit(root, runner));
    String server = env.getOrDefault("GITHUB_SERVER_URL", "");
    String repository = env.getOrDefault("GITHUB_REPOSITORY", "");
    Optional<String> source =
        !server.isEmpty() && !repository.isEmpty()
            ? Optional.of(server + "/" + repository)
            : git(runner, root, "config", "--get", "remote.origin.url")
                .flatMap(ImageLabels::sourceUrl);
    Optional<String> version =
        revision
            .version()
            .or(
                () ->
                    git(runner, root, "describe", "--tags", "--always")
                        .map(v -> v.matches("v[0-9].*") ? v.substring(1) : v));
    return new ImageLabels.Provenance(revision.sha(), source, created, version);
  }

  /** The {@code SOURCE_DATE_EPOCH} variable's seconds, if it is set. */
  static Optional<Long> epochSeconds(Map<String, String> env) {
    String epoch = env.getOrDefault(SOURCE_DATE_EPOCH, "").strip();
    if (epoch.isEmpty()) {
      return Optional.empty();
    }
    if (!epoch.matches("[0-9]{1,12}")) {
      throw new ConfigurationException(
          new Problem(
              null,
              0,
              SOURCE_DATE_EPOCH
                  + " '"
                  + epoch
                  + "' is not a number of seconds since 1970 (such as $(git log -1"
                  + " --format=%ct))"));
    }
    return Optional.of(Long.parseLong(epoch));
  }

  static boolean insideGit(Path root) {
    for (Path dir = root.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> git(CommandRunner runner, Path root, String... args) {
    List<String> argv = new ArrayList<>(List.of("git", "-C", root.toString()));
    argv.addAll(List.of(args));
    try {
      ProcessResult r = runner.run(argv, root);
      String out = String.join("\n", r.output()).strip();
      return r.succeeded() && !out.isEmpty() && !out.contains("\n")
          ? Optional.of(out)
          : Optional.empty();
    } catch (EnvironmentException noGit) {
      return Optional.empty();
    }
  }
}
