package dev.orchestrator.cli;

import dev.orchestrator.core.workspace.RepositoryRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command takes. */
final class SharedOptions {
  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "Repository root (default: the repository holding the working directory).")
  Path root;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Build profile from buildx-profiles/ (default: local).")
  String profile;

  @Option(
      names = "--platform",
      paramLabel = "PLATFORMS",
      split = ",",
      description = "Platforms, e.g. linux/amd64,linux/arm64 (default: the profile's).")
  List<String> platforms = new ArrayList<>();

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Services built at once (default: the profile's).")
  int jobs;

  @Option(names = "--json", description = "Print machine-readable JSON.")
  boolean json;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show all build output and stack traces.")
  boolean verbose;

  Path root() {
    return root != null
        ? root.toAbsolutePath().normalize()
        : RepositoryRoot.find(Path.of("").toAbsolutePath());
  }

  Optional<String> profile() {
    return Optional.ofNullable(profile);
  }
}
