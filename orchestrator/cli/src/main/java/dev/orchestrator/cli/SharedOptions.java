package dev.orchestrator.cli;

import dev.orchestrator.core.Orchestrator;
import dev.orchestrator.core.image.Platforms;
import dev.orchestrator.core.workspace.RepositoryRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

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
      description =
          "Build profile: built in (local, ci-amd64, ci-arm64, ci, release) or from"
              + " buildx-profiles/, where a file overrides the built-in one (default: local; matrix and merge: ci).")
  String profile;

  @Option(
      names = "--registry",
      paramLabel = "HOST[/PATH]",
      description =
          "Registry for profiles that push or use a registry cache (default:"
              + " $ORCHESTRATOR_REGISTRY, else the profile's registry).")
  String registry;

  @Option(
      names = "--platform",
      paramLabel = "PLATFORMS",
      split = ",",
      converter = PlatformConverter.class,
      description =
          "Platforms, os/arch[/variant] or host, e.g. linux/amd64,linux/arm64 (default: the"
              + " profile's).")
  List<String> platforms = new ArrayList<>();

  @Option(
      names = "--jobs",
      paramLabel = "N",
      converter = JobsConverter.class,
      description = "Services built at once, at least 1 (default: the profile's).")
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

  /** The core, with {@code --registry} applied. */
  Orchestrator orchestrator(CliFactory.Context context) {
    return context.orchestrator().withRegistry(Optional.ofNullable(registry));
  }

  /** A platform as buildx takes it, or {@code host}: checked here, not at build time. */
  static final class PlatformConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      Optional<String> why =
          value.equals(Platforms.HOST) ? Optional.empty() : Platforms.problem(value);
      if (why.isPresent()) {
        throw new TypeConversionException(
            "'" + value + "' is not a platform (" + Platforms.GRAMMAR + ", or host): " + why.get());
      }
      return value;
    }
  }

  /** At least one service at a time; leaving the option out means the profile's. */
  static final class JobsConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int jobs;
      try {
        jobs = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a whole number");
      }
      if (jobs < 1) {
        throw new TypeConversionException(
            "'" + value + "' must be at least 1 (leave --jobs out for the profile's)");
      }
      return jobs;
    }
  }
}
