package dev.orchestrator.core.config;

import dev.orchestrator.core.image.ImageNames;
import dev.orchestrator.core.image.Platforms;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named build profile from {@code buildx-profiles/<name>.yaml}.
 *
 * @param platforms platforms to build; the word {@code host} stands for the engine's platform
 * @param output where images go: loaded into the local engine, or pushed to {@code registry}
 * @param registry the registry host and path images are pushed to (empty for local builds)
 * @param namespace the repository path before the service name ({@code monorepo} gives {@code
 *     monorepo/agent})
 * @param tag the tag given to built images
 * @param cache the shared build cache
 * @param jobs how many services build at once, unless {@code --jobs} says otherwise
 * @param builder the buildx builder to use (empty for the current one)
 * @param builders a builder per platform, for jobs that build that one platform (a native arm64
 *     machine, say); it wins over {@code builder}
 * @param stagingTag with {@code push-by-digest} on a builder that cannot push untagged images
 *     (buildx's {@code docker} driver): the tag, holding {@code {arch}}, to push under instead; the
 *     digest is still what is recorded, consumed and merged
 * @param mergeTags templates of the tags {@code orchestrator merge} gives the multi-platform
 *     images, such as {@code {sha}} or {@code {version}} (see {@link TagTemplate})
 * @param lint how lint findings count: {@code lint: {warnings-as-errors: true}} fails a build on a
 *     warning too
 * @param imagePaths service to the repository path its build definition names (see {@link
 *     ImageNames}); set from the repository, never from a profile file
 * @param sourceDateEpoch the {@code SOURCE_DATE_EPOCH} builds get: from git (the default), a fixed
 *     number of seconds, or none
 * @param sessionWidth at most this many services are in BuildKit ({@code bake}) sessions at once,
 *     so no one session holds more: bake has no limit of its own, and cold at 104 targets it failed
 *     here once (DeadlineExceeded, on a loaded machine)
 * @param attestations what buildx attaches to the images: provenance ({@code provenance:}) and an
 *     SBOM ({@code sbom:}); none by default
 * @param verify what {@code build} verifies after building: {@code verify: {reproducible: true}}
 *     runs the reproducibility gate on what it built
 */
public record Profile(
    String name,
    Path file,
    List<String> platforms,
    Output output,
    Optional<String> registry,
    String namespace,
    String tag,
    Cache cache,
    int jobs,
    Optional<String> builder,
    Map<String, String> builders,
    Optional<String> stagingTag,
    List<String> mergeTags,
    Lint lint,
    Map<String, String> imagePaths,
    EpochSetting sourceDateEpoch,
    int sessionWidth,
    Attestations attestations,
    Verify verify) {

  /** Services in bake sessions at once when the profile does not say. */
  public static final int DEFAULT_SESSION_WIDTH = 32;

  public Profile {
    platforms = List.copyOf(platforms);
    builders = Map.copyOf(builders);
    mergeTags = List.copyOf(mergeTags);
    imagePaths = Map.copyOf(imagePaths);
  }

  /**
   * The profile's {@code lint} section.
   *
   * @param warningsAsErrors {@code warnings-as-errors: true}: a lint warning fails like an error
   */
  public record Lint(boolean warningsAsErrors) {
    /** Without a {@code lint} section: warnings are printed and do not fail. */
    public static final Lint DEFAULT = new Lint(false);
  }

  /**
   * The profile's {@code verify} section.
   *
   * @param reproducible {@code reproducible: true}: a successful {@code build} then runs {@code
   *     verify --reproducible} on the services it built, found cached or up to date, and its
   *     verdict decides
   */
  public record Verify(boolean reproducible) {
    /** Without a {@code verify} section: build verifies nothing by itself. */
    public static final Verify DEFAULT = new Verify(false);
  }

  /** This profile naming the services in {@code imagePaths} as their build definitions do. */
  public Profile withImagePaths(Map<String, String> imagePaths) {
    return toBuilder().imagePaths(imagePaths).build();
  }

  /**
   * A profile called {@code name} with what an empty profile file gives: the host platform, loaded
   * into the local engine as {@code monorepo/<service>:latest}, a local cache under {@code
   * .cache/buildx}, two jobs, the current builder, and the tag as the only merge tag. The readers
   * and the tests set only what differs.
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder holding every setting of this profile, for a layer read over it. */
  Builder toBuilder() {
    Builder b =
        builder(name)
            .file(file)
            .platforms(platforms)
            .output(output)
            .registry(registry)
            .namespace(namespace)
            .tag(tag)
            .cache(cache)
            .jobs(jobs)
            .builder(builder)
            .builders(builders)
            .stagingTag(stagingTag)
            .lint(lint)
            .imagePaths(imagePaths)
            .sourceDateEpoch(sourceDateEpoch)
            .sessionWidth(sessionWidth)
            .attestations(attestations)
            .verify(verify);
    // Merge tags that only repeat the tag follow a tag set over this profile.
    return mergeTags.equals(List.of(tag)) ? b : b.mergeTags(mergeTags);
  }

  /** The builder for one buildx invocation over {@code platforms}. */
  public Optional<String> builderFor(List<String> platforms) {
    if (platforms.size() == 1 && builders.containsKey(platforms.get(0))) {
      return Optional.of(builders.get(platforms.get(0)));
    }
    return builder;
  }

  /** True when images are pushed, with or without a tag. */
  public boolean pushes() {
    return output != Output.LOAD;
  }

  /**
   * {@code push-by-digest}: push each platform's image untagged, by digest, for {@code orchestrator
   * merge} to join into one multi-platform image (one platform per CI job).
   */
  public enum Output {
    LOAD,
    PUSH,
    PUSH_BY_DIGEST
  }

  /**
   * The shared cache. {@code local}: a folder per service under {@code dir} (relative to the
   * repository root); {@code registry}: {@code ref/<service>:<arch>}; {@code none}.
   */
  public record Cache(Type type, String location, String mode) {
    /** The folder of a local cache whose section names no {@code dir}. */
    public static final String DEFAULT_DIR = ".cache/buildx";

    /** The cache of a profile without a {@code cache} section: local, in DEFAULT_DIR, mode max. */
    public static final Cache DEFAULT = new Cache(Type.LOCAL, DEFAULT_DIR, "max");

    public enum Type {
      NONE,
      LOCAL,
      REGISTRY
    }
  }

  /**
   * Where {@code SOURCE_DATE_EPOCH} comes from ({@code sourceDateEpoch:} in a profile): {@code
   * FROM_GIT} (no key) the commit time of the last change to the service's inputs; {@code FIXED}
   * the given seconds; {@code NONE} ({@code none}) no epoch at all.
   */
  public record EpochSetting(Kind kind, long seconds) {
    public static final EpochSetting FROM_GIT = new EpochSetting(Kind.FROM_GIT, 0);
    public static final EpochSetting NONE = new EpochSetting(Kind.NONE, 0);

    public static EpochSetting fixed(long seconds) {
      return new EpochSetting(Kind.FIXED, seconds);
    }

    public enum Kind {
      FROM_GIT,
      FIXED,
      NONE
    }
  }

  /**
   * The attestation manifests buildx adds to each image (platform {@code unknown/unknown}, beside
   * the platform manifests): {@code provenance: false|min|max} and {@code sbom: true|false}.
   */
  public record Attestations(ProvenanceMode provenance, boolean sbom) {
    /** Without either key: no attestations, so indexes hold only the platform manifests. */
    public static final Attestations NONE = new Attestations(ProvenanceMode.FALSE, false);

    /** Whether buildx adds any attestation manifest. */
    public boolean any() {
      return provenance != ProvenanceMode.FALSE || sbom;
    }
  }

  /** SLSA provenance: none ({@code false}), {@code min} or {@code max} (buildx's modes). */
  public enum ProvenanceMode {
    FALSE,
    MIN,
    MAX
  }

  /** How this profile names images. */
  public ImageNames imageNames() {
    return new ImageNames(registry, namespace, tag, imagePaths);
  }

  /** Sets what differs from an empty profile file; see {@link Profile#builder}. */
  public static final class Builder {
    private final String name;
    private Path file;
    private List<String> platforms = List.of(Platforms.HOST);
    private Output output = Output.LOAD;
    private Optional<String> registry = Optional.empty();
    private String namespace = "monorepo";
    private String tag = "latest";
    private Cache cache = Cache.DEFAULT;
    private int jobs = 2;
    private Optional<String> builder = Optional.empty();
    private Map<String, String> builders = Map.of();
    private Optional<String> stagingTag = Optional.empty();
    private Optional<List<String>> mergeTags = Optional.empty();
    private Lint lint = Lint.DEFAULT;
    private Verify verify = Verify.DEFAULT;
    private Map<String, String> imagePaths = Map.of();
    private EpochSetting sourceDateEpoch = EpochSetting.FROM_GIT;
    private int sessionWidth = DEFAULT_SESSION_WIDTH;
    private Attestations attestations = Attestations.NONE;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The profile's file; {@code <name>.yaml} unless set. */
    public Builder file(Path file) {
      this.file = file;
      return this;
    }

    public Builder platforms(List<String> platforms) {
      this.platforms = platforms;
      return this;
    }

    public Builder output(Output output) {
      this.output = output;
      return this;
    }

    public Builder registry(Optional<String> registry) {
      this.registry = registry;
      return this;
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder tag(String tag) {
      this.tag = tag;
      return this;
    }

    public Builder cache(Cache cache) {
      this.cache = cache;
      return this;
    }

    public Builder jobs(int jobs) {
      this.jobs = jobs;
      return this;
    }

    public Builder builder(Optional<String> builder) {
      this.builder = builder;
      return this;
    }

    public Builder builders(Map<String, String> builders) {
      this.builders = builders;
      return this;
    }

    public Builder stagingTag(Optional<String> stagingTag) {
      this.stagingTag = stagingTag;
      return this;
    }

    public Builder verify(Verify verify) {
      this.verify = verify;
      return this;
    }

    public Builder lint(Lint lint) {
      this.lint = lint;
      return this;
    }

    public Builder imagePaths(Map<String, String> imagePaths) {
      this.imagePaths = imagePaths;
      return this;
    }

    /** The merge tag templates; just {@code tag} unless set. */
    public Builder mergeTags(List<String> mergeTags) {
      this.mergeTags = Optional.of(mergeTags);
      return this;
    }

    public Builder sourceDateEpoch(EpochSetting sourceDateEpoch) {
      this.sourceDateEpoch = sourceDateEpoch;
      return this;
    }

    public Builder sessionWidth(int sessionWidth) {
      this.sessionWidth = sessionWidth;
      return this;
    }

    public Builder attestations(Attestations attestations) {
      this.attestations = attestations;
      return this;
    }

    /** The provenance mode, keeping the SBOM setting (the keys override one by one). */
    public Builder provenance(ProvenanceMode provenance) {
      return attestations(new Attestations(provenance, attestations.sbom()));
    }

    /** Whether an SBOM is attached, keeping the provenance mode. */
    public Builder sbom(boolean sbom) {
      return attestations(new Attestations(attestations.provenance(), sbom));
    }

    public Profile build() {
      return new Profile(
          name,
          file != null ? file : Path.of(name + ".yaml"),
          platforms,
          output,
          registry,
          namespace,
          tag,
          cache,
          jobs,
          builder,
          builders,
          stagingTag,
          mergeTags.orElse(List.of(tag)),
          lint,
          imagePaths,
          sourceDateEpoch,
          sessionWidth,
          attestations,
          verify);
    }
  }
}
