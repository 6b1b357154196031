package dev.orchestrator.core.build;

import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.discovery.Service;
import dev.orchestrator.core.image.ImageNames;
import dev.orchestrator.core.image.Platforms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything one service's image build is made of, whichever buildx command runs it: the one pure
 * place the profile, the descriptor, the input-hash label and tags, and the wiring become build
 * options. {@link BakeDefinition} renders it as a bake target.
 *
 * @param contexts named contexts: name to {@code target:NAME} (built in the same session) or {@code
 *     docker-image://REF}
 * @param labels the labels the orchestrator adds (input hash), sorted
 * @param secrets buildx secret specs: only the variable name or file path, never the value
 * @param outputs buildx output specs
 * @param attestations the profile's provenance and SBOM settings
 */
public record ImageBuild(
    String service,
    Path context,
    Path dockerfile,
    Optional<String> stage,
    Map<String, String> args,
    Map<String, String> labels,
    List<String> secrets,
    Map<String, String> contexts,
    List<String> platforms,
    List<String> tags,
    List<String> cacheFrom,
    List<String> cacheTo,
    List<String> outputs,
    Profile.Attestations attestations) {

  public ImageBuild {
    // Sorted, so that the definition is the same text for the same build.
    args = Collections.unmodifiableMap(new TreeMap<>(args));
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    secrets = List.copyOf(secrets);
    contexts = Collections.unmodifiableMap(new TreeMap<>(contexts));
    platforms = List.copyOf(platforms);
    tags = List.copyOf(tags);
    cacheFrom = List.copyOf(cacheFrom);
    cacheTo = List.copyOf(cacheTo);
    outputs = List.copyOf(outputs);
  }

  /**
   * {@link #of(Service, Profile, List, Map, Path, Map, List, Optional, boolean)} without an epoch.
   */
  public static ImageBuild of(
      Service service,
      Profile profile,
      List<String> platforms,
      Map<String, String> contexts,
      Path repositoryRoot,
      Map<String, String> labels,
      List<String> extraTags) {
    return of(
        service,
        profile,
        platforms,
        contexts,
        repositoryRoot,
        labels,
        extraTags,
        Optional.empty(),
        false);
  }

  /**
   * @param contexts context name to {@code target:} or {@code docker-image://} source
   * @param labels labels to add (the input hash)
   * @param extraTags references to tag besides the profile's (the hash tag when pushing)
   * @param epoch the {@code SOURCE_DATE_EPOCH} build argument, if any (a {@code service.yaml} arg
   *     of that name wins); never part of the input hash, which holds only the descriptor's args
   * @param rewriteTimestamp whether the image exporter also sets file times in the layers to the
   *     epoch ({@code rewrite-timestamp=true}, where the builder takes it)
   */
  public static ImageBuild of(
      Service service,
      Profile profile,
      List<String> platforms,
      Map<String, String> contexts,
      Path repositoryRoot,
      Map<String, String> labels,
      List<String> extraTags,
      Optional<SourceDateEpoch> epoch,
      boolean rewriteTimestamp) {
    ServiceDescriptor d = service.descriptor();
    List<String> secrets =
        d.secrets().stream()
            .map(
                s ->
                    "id="
                        + s.id()
                        + (s.kind() == ServiceDescriptor.Secret.Kind.ENV ? ",env=" : ",src=")
                        + s.source())
            .toList();
    List<String> cache =
        BuildxCommand.cacheArguments(service.name(), profile, platforms, repositoryRoot);
    List<String> cacheFrom = new ArrayList<>();
    List<String> cacheTo = new ArrayList<>();
    for (int i = 0; i + 1 < cache.size(); i += 2) {
      (cache.get(i).equals("--cache-from") ? cacheFrom : cacheTo).add(cache.get(i + 1));
    }
    ImageNames names = profile.imageNames();
    List<String> tags = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    switch (profile.output()) {
      case PUSH_BY_DIGEST -> {
        String repository = names.repository(service.name());
        String arch = String.join("-", platforms.stream().map(Platforms::archTag).toList());
        outputs.add(
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
                        + ",push-by-digest=true,name-canonical=true,oci-mediatypes=true,push=true"));
      }
      case PUSH -> {
        tags.addAll(names.references(service.name(), d.tags()));
        outputs.add("type=image,push=true");
      }
      case LOAD -> {
        tags.addAll(names.references(service.name(), d.tags()));
        outputs.add("type=docker");
      }
    }
    tags.addAll(extraTags);
    Map<String, String> args = new TreeMap<>(d.args());
    epoch.ifPresent(e -> args.putIfAbsent(SourceDateEpoch.ARG, Long.toString(e.seconds())));
    if (epoch.isPresent() && rewriteTimestamp) {
      outputs.replaceAll(o -> o + ",rewrite-timestamp=true");
    }
    return new ImageBuild(
        service.name(),
        service.context(),
        service.dockerfile(),
        d.target(),
        args,
        labels,
        secrets,
        contexts,
        platforms,
        tags,
        cacheFrom,
        cacheTo,
        outputs,
        profile.attestations());
  }

  /**
   * This build as the reproducibility gate makes it: the same options, but exported to an OCI
   * layout folder (nothing tagged, loaded or pushed, no cache exported or imported), with {@code
   * rewrite-timestamp=true} when asked and there is an epoch to rewrite to.
   */
  public ImageBuild toOciLayout(Path dir, boolean rewriteTimestamp) {
    String output =
        "type=oci,tar=false,dest="
            + dir
            + (rewriteTimestamp && args.containsKey(SourceDateEpoch.ARG)
                ? ",rewrite-timestamp=true"
                : "");
    return new ImageBuild(
        service,
        context,
        dockerfile,
        stage,
        args,
        labels,
        secrets,
        contexts,
        platforms,
        List.of(),
        List.of(),
        List.of(),
        List.of(output),
        attestations);
  }
}
