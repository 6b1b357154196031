package dev.orchestrator.core.build;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.image.Platforms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders one service's {@link ImageBuild} as the exact {@code docker buildx build} argument list.
 * Pure: no process is started here, so every flag is tested against an exact list.
 */
public final class BuildxCommand {
  private BuildxCommand() {}

  /**
   * The {@code docker buildx build} argv of one service: every option comes from {@code build} (see
   * {@link ImageBuild#of}), so a service builds the same whether alone or in a bake session.
   *
   * @param builder the buildx builder for the build's platforms, if the profile names one
   * @param metadataFile where buildx writes the result digest
   */
  public static List<String> argv(ImageBuild build, Optional<String> builder, Path metadataFile) {
    List<String> argv = new ArrayList<>(List.of("docker", "buildx", "build"));
    builder.ifPresent(b -> argv.addAll(List.of("--builder", b)));
    argv.add("--progress=plain");
    argv.addAll(List.of("--platform", String.join(",", build.platforms())));
    argv.addAll(attestations(build.attestations()));
    argv.addAll(List.of("--file", build.dockerfile().toString()));
    build.stage().ifPresent(t -> argv.addAll(List.of("--target", t)));
    build.args().forEach((k, v) -> argv.addAll(List.of("--build-arg", k + "=" + v)));
    // Only the variable name or file path goes on the command line, never the secret's value.
    build.secrets().forEach(s -> argv.addAll(List.of("--secret", s)));
    build
        .contexts()
        .forEach((name, source) -> argv.addAll(List.of("--build-context", name + "=" + source)));
    build.cacheFrom().forEach(c -> argv.addAll(List.of("--cache-from", c)));
    build.cacheTo().forEach(c -> argv.addAll(List.of("--cache-to", c)));
    build.tags().forEach(t -> argv.addAll(List.of("--tag", t)));
    build.outputs().forEach(o -> argv.addAll(output(o)));
    build.labels().forEach((k, v) -> argv.addAll(List.of("--label", k + "=" + v)));
    argv.addAll(List.of("--metadata-file", metadataFile.toString()));
    argv.add(build.context().toString());
    return List.copyOf(argv);
  }

  /**
   * Provenance always said, never left to buildx's default (which is {@code mode=min}): off, it
   * keeps attestation manifests (platform unknown/unknown) out of the index.
   */
  static List<String> attestations(Profile.Attestations a) {
    List<String> flags = new ArrayList<>();
    flags.add(
        switch (a.provenance()) {
          case FALSE -> "--provenance=false";
          case MIN -> "--provenance=mode=min";
          case MAX -> "--provenance=mode=max";
        });
    if (a.sbom()) {
      flags.add("--sbom=true");
    }
    return flags;
  }

  /**
   * The argv of a rebuild that uses no BuildKit cache for this service's own steps ({@code
   * --no-cache}); in-repo bases still come from their named contexts, as built.
   */
  public static List<String> noCacheArgv(
      ImageBuild build, Optional<String> builder, Path metadataFile) {
    List<String> argv = new ArrayList<>(argv(build, builder, metadataFile));
    argv.add(argv.indexOf("--progress=plain") + 1, "--no-cache");
    return List.copyOf(argv);
  }

  /** The short flags for the two outputs everybody knows, {@code --output} for the rest. */
  private static List<String> output(String spec) {
    return switch (spec) {
      case "type=docker" -> List.of("--load");
      case "type=image,push=true" -> List.of("--push");
      default -> List.of("--output", spec);
    };
  }

  static List<String> cacheArguments(
      String service, Profile profile, List<String> platforms, Path repositoryRoot) {
    Profile.Cache cache = profile.cache();
    return switch (cache.type()) {
      case NONE -> List.of();
      case LOCAL -> {
        Path dir = repositoryRoot.resolve(cache.location()).resolve(service);
        List<String> args = new ArrayList<>();
        // Importing from a folder that holds no cache yet only prints a warning; skip it.
        if (Files.isRegularFile(dir.resolve("index.json"))) {
          args.addAll(List.of("--cache-from", "type=local,src=" + dir));
        }
        args.addAll(List.of("--cache-to", "type=local,dest=" + dir + ",mode=" + cache.mode()));
        yield args;
      }
      case REGISTRY -> {
        // One cache ref per service and architecture, so that parallel CI jobs for different
        // architectures never overwrite each other's cache.
        String ref =
            cache.location()
                + "/"
                + service
                + ":"
                + String.join("-", platforms.stream().map(Platforms::archTag).toList());
        yield List.of(
            "--cache-from", "type=registry,ref=" + ref,
            "--cache-to", "type=registry,ref=" + ref + ",mode=" + cache.mode());
      }
    };
  }
}
