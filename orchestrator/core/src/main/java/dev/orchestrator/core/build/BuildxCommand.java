package dev.orchestrator.core.build;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.image.ImageNames;
import dev.orchestrator.core.image.Platforms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one planned service build into the exact {@code docker buildx build} argument list. Pure:
 * no process is started here, so every flag is tested against an exact list.
 */
public final class BuildxCommand {
  private BuildxCommand() {}

  /**
   * {@code argv} with a {@code --label key=value} per label (its own, from {@code service.yaml},
   * then the orchestrator's), inserted before the build context, which stays last.
   */
  public static List<String> withLabels(List<String> argv, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return argv;
    }
    List<String> out = new ArrayList<>(argv.subList(0, argv.size() - 1));
    labels.forEach((k, v) -> out.addAll(List.of("--label", k + "=" + v)));
    out.add(argv.get(argv.size() - 1));
    return List.copyOf(out);
  }

  /**
   * @param namedContexts in-repo images this Dockerfile refers to: context name to image reference
   *     (wired as {@code docker-image://})
   * @param metadataFile where buildx writes the result digest
   */
  public static List<String> argv(
      Service service,
      Profile profile,
      List<String> platforms,
      Map<String, String> namedContexts,
      Path repositoryRoot,
      Path metadataFile) {
    List<String> argv = new ArrayList<>(List.of("docker", "buildx", "build"));
    profile.builderFor(platforms).ifPresent(b -> argv.addAll(List.of("--builder", b)));
    argv.add("--progress=plain");
    argv.addAll(List.of("--platform", String.join(",", platforms)));
    // Attestation manifests (platform unknown/unknown) would make digests and index entries
    // differ from run to run and from what bake users compare against.
    argv.add("--provenance=false");
    argv.addAll(List.of("--file", service.dockerfile().toString()));
    service.descriptor().target().ifPresent(t -> argv.addAll(List.of("--target", t)));
    new TreeMap<>(service.descriptor().args())
        .forEach((k, v) -> argv.addAll(List.of("--build-arg", k + "=" + v)));
    // Only the variable name or file path goes on the command line, never the secret's value.
    service
        .descriptor()
        .secrets()
        .forEach(
            secret ->
                argv.addAll(
                    List.of(
                        "--secret",
                        "id="
                            + secret.id()
                            + (secret.kind() == ServiceDescriptor.Secret.Kind.ENV
                                ? ",env="
                                : ",src=")
                            + secret.source())));
    new TreeMap<>(namedContexts)
        .forEach(
            (name, ref) ->
                argv.addAll(List.of("--build-context", name + "=docker-image://" + ref)));
    argv.addAll(cacheArguments(service.name(), profile, platforms, repositoryRoot));
    ImageNames names = profile.imageNames();
    if (profile.output() == Profile.Output.PUSH_BY_DIGEST) {
      // Untagged: `orchestrator merge` tags the multi-platform index made from every job's digest.
      String repository = names.repository(service.name());
      String arch = String.join("-", platforms.stream().map(Platforms::archTag).toList());
      // OCI media types: index annotations (revision, version) are dropped from a Docker list.
      argv.addAll(
          List.of(
              "--output",
              profile
                  .stagingTag()
                  .map(
                      t ->
                          "type=image,name="
                              + repository
                              + ":"
                              + t.replace("{arch}", arch)
                              + ",oci-mediatypes=true,push=true")
                  .orElse(
                      "type=image,name="
                          + repository
                          + ",push-by-digest=true,name-canonical=true,oci-mediatypes=true,push=true")));
    } else {
      names
          .references(service.name(), service.descriptor().tags())
          .forEach(ref -> argv.addAll(List.of("--tag", ref)));
      argv.add(profile.output() == Profile.Output.PUSH ? "--push" : "--load");
    }
    argv.addAll(List.of("--metadata-file", metadataFile.toString()));
    argv.add(service.context().toString());
    return List.copyOf(argv);
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
