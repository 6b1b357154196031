package dev.orchestrator.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.TestServices;
import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.config.ServiceDescriptor;
import dev.orchestrator.core.discovery.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildxCommandTest {
  private static final Path META = Path.of("/repo/.cache/orchestrator/metadata/app.json");
  private final Service app = TestServices.from("app", "base");

  @Test
  void localProfileLoadsWithALocalCacheAndWiresNamedContexts(@TempDir Path root) {
    Profile local =
        Profile.builder("p")
            .cache(new Profile.Cache(Profile.Cache.Type.LOCAL, ".cache/buildx", "max"))
            .build();

    List<String> argv =
        argv(
            app,
            local,
            List.of("linux/amd64", "linux/arm64"),
            Map.of("base", "monorepo/base:latest"),
            root,
            META);

    assertThat(argv)
        .containsExactly(
            "docker",
            "buildx",
            "build",
            "--progress=plain",
            "--platform",
            "linux/amd64,linux/arm64",
            "--provenance=false",
            "--file",
            "/repo/services/app/Dockerfile",
            "--build-context",
            "base=docker-image://monorepo/base:latest",
            "--cache-to",
            "type=local,dest=" + root.resolve(".cache/buildx/app") + ",mode=max",
            "--tag",
            "monorepo/app:latest",
            "--load",
            "--metadata-file",
            META.toString(),
            "/repo/services/app");
  }

  @Test
  void anExistingLocalCacheIsAlsoImported(@TempDir Path root) throws Exception {
    Path cache = Files.createDirectories(root.resolve(".cache/buildx/app"));
    Files.writeString(cache.resolve("index.json"), "{}");
    Profile local =
        Profile.builder("p")
            .cache(new Profile.Cache(Profile.Cache.Type.LOCAL, ".cache/buildx", "max"))
            .build();

    assertThat(BuildxCommand.cacheArguments("app", local, List.of("linux/amd64"), root))
        .containsExactly(
            "--cache-from",
            "type=local,src=" + cache,
            "--cache-to",
            "type=local,dest=" + cache + ",mode=max");
  }

  @Test
  void registryCacheIsScopedPerServiceAndArchitectureAndPushes() {
    Profile ci =
        Profile.builder("p")
            .output(Profile.Output.PUSH)
            .registry(Optional.of("127.0.0.1:5000"))
            .cache(new Profile.Cache(Profile.Cache.Type.REGISTRY, "127.0.0.1:5000/cache", "max"))
            .builder(Optional.of("arm-builder"))
            .build();

    List<String> argv = argv(app, ci, List.of("linux/arm64"), Map.of(), Path.of("/repo"), META);

    assertThat(argv)
        .containsSubsequence(
            "docker",
            "buildx",
            "build",
            "--builder",
            "arm-builder",
            "--progress=plain",
            "--platform",
            "linux/arm64");
    assertThat(argv)
        .containsSubsequence(
            "--cache-from",
            "type=registry,ref=127.0.0.1:5000/cache/app:arm64",
            "--cache-to",
            "type=registry,ref=127.0.0.1:5000/cache/app:arm64,mode=max",
            "--tag",
            "127.0.0.1:5000/monorepo/app:latest",
            "--push");
    assertThat(argv).doesNotContain("--load");
  }

  @Test
  void noCacheMeansNoCacheFlags() {
    Profile none =
        Profile.builder("p").cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max")).build();

    assertThat(BuildxCommand.cacheArguments("app", none, List.of("linux/amd64"), Path.of("/r")))
        .isEmpty();
  }

  @Test
  void secretsPassOnlyTheirSourceNeverAValue() {
    Service withSecrets =
        new Service(
            app.name(),
            app.directory(),
            app.relativeDirectory(),
            app.dockerfile(),
            app.context(),
            app.descriptor().toBuilder()
                .secrets(
                    List.of(
                        new ServiceDescriptor.Secret(
                            "npm", ServiceDescriptor.Secret.Kind.ENV, "NPM_TOKEN"),
                        new ServiceDescriptor.Secret(
                            "netrc", ServiceDescriptor.Secret.Kind.FILE, "/root/.netrc")))
                .build(),
            app.dockerfileInfo());
    Profile none =
        Profile.builder("p").cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max")).build();

    assertThat(argv(withSecrets, none, List.of("linux/amd64"), Map.of(), Path.of("/repo"), META))
        .containsSubsequence(
            "--secret", "id=npm,env=NPM_TOKEN", "--secret", "id=netrc,src=/root/.netrc");
  }

  @Test
  void provenanceAndSbomFromTheProfileAreFlagsRightAfterThePlatforms() {
    Profile.Attestations off = Profile.Attestations.NONE;
    assertThat(attestationFlags(off)).containsExactly("--provenance=false");
    assertThat(attestationFlags(new Profile.Attestations(Profile.ProvenanceMode.MIN, false)))
        .containsExactly("--provenance=mode=min");
    assertThat(attestationFlags(new Profile.Attestations(Profile.ProvenanceMode.MAX, false)))
        .containsExactly("--provenance=mode=max");
    assertThat(attestationFlags(new Profile.Attestations(Profile.ProvenanceMode.FALSE, true)))
        .containsExactly("--provenance=false", "--sbom=true");
    assertThat(attestationFlags(new Profile.Attestations(Profile.ProvenanceMode.MAX, true)))
        .containsExactly("--provenance=mode=max", "--sbom=true");
  }

  /** The argv of a release-like push with these attestations, from the platforms to the file. */
  private List<String> attestationFlags(Profile.Attestations attestations) {
    Profile release =
        Profile.builder("release")
            .platforms(List.of("linux/amd64", "linux/arm64"))
            .output(Profile.Output.PUSH)
            .registry(Optional.of("127.0.0.1:5000"))
            .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
            .attestations(attestations)
            .build();
    List<String> argv = argv(app, release, release.platforms(), Map.of(), Path.of("/repo"), META);
    assertThat(argv).endsWith("--push", "--metadata-file", META.toString(), "/repo/services/app");
    return argv.subList(argv.indexOf("linux/amd64,linux/arm64") + 1, argv.indexOf("--file"));
  }

  private static Profile digestProfile(
      Optional<String> stagingTag, java.util.Map<String, String> builders) {
    return Profile.builder("ci-arm64")
        .platforms(List.of("linux/arm64"))
        .output(Profile.Output.PUSH_BY_DIGEST)
        .registry(Optional.of("127.0.0.1:5000"))
        .cache(new Profile.Cache(Profile.Cache.Type.REGISTRY, "127.0.0.1:5000/cache", "max"))
        .builder(Optional.of("default-builder"))
        .builders(builders)
        .stagingTag(stagingTag)
        .build();
  }

  @Test
  void pushByDigestPushesUntaggedAndConsumesBasesByDigest() {
    String base = "127.0.0.1:5000/monorepo/base@sha256:" + "a".repeat(64);

    List<String> argv =
        argv(
            app,
            digestProfile(Optional.empty(), Map.of()),
            List.of("linux/arm64"),
            Map.of("base", base),
            Path.of("/repo"),
            META);

    assertThat(argv)
        .containsExactly(
            "docker",
            "buildx",
            "build",
            "--builder",
            "default-builder",
            "--progress=plain",
            "--platform",
            "linux/arm64",
            "--provenance=false",
            "--file",
            "/repo/services/app/Dockerfile",
            "--build-context",
            "base=docker-image://" + base,
            "--cache-from",
            "type=registry,ref=127.0.0.1:5000/cache/app:arm64",
            "--cache-to",
            "type=registry,ref=127.0.0.1:5000/cache/app:arm64,mode=max",
            "--output",
            "type=image,name=127.0.0.1:5000/monorepo/app,push-by-digest=true,"
                + "name-canonical=true,oci-mediatypes=true,push=true",
            "--metadata-file",
            META.toString(),
            "/repo/services/app");
  }

  @Test
  void aStagingTagPushesUnderTheArchitecturesTagForTheDockerDriver() {
    List<String> argv =
        argv(
            app,
            digestProfile(Optional.of("ci-{arch}"), Map.of()),
            List.of("linux/arm64"),
            Map.of(),
            Path.of("/repo"),
            META);

    assertThat(argv)
        .containsSubsequence(
            "--output",
            "type=image,name=127.0.0.1:5000/monorepo/app:ci-arm64,oci-mediatypes=true,push=true",
            "--metadata-file")
        .doesNotContain("--tag", "--push", "--load");
  }

  @Test
  void aBuilderForThePlatformWinsOverTheProfilesBuilder() {
    List<String> argv =
        argv(
            app,
            digestProfile(Optional.empty(), Map.of("linux/arm64", "arm-native")),
            List.of("linux/arm64"),
            Map.of(),
            Path.of("/repo"),
            META);

    assertThat(argv)
        .startsWith("docker", "buildx", "build", "--builder", "arm-native", "--progress=plain");
  }

  @Test
  void targetBuildArgsLabelsAndExtraTagsEachHaveTheirFlagSortedBeforeTheContext() {
    Service staged =
        new Service(
            app.name(),
            app.directory(),
            app.relativeDirectory(),
            app.dockerfile(),
            app.context(),
            app.descriptor().toBuilder()
                .target(Optional.of("runtime"))
                .args(Map.of("VERSION", "1.2", "BASE_PREFIX", "local/"))
                .tags(List.of("1.2"))
                .build(),
            app.dockerfileInfo());
    Profile none =
        Profile.builder("p").cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max")).build();
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    labels.put("org.opencontainers.image.title", "app");
    labels.put("dev.orchestrator.input-hash", "abc");

    List<String> argv =
        BuildxCommand.argv(
            ImageBuild.of(
                staged,
                none,
                List.of("linux/amd64"),
                Map.of(),
                Path.of("/repo"),
                labels,
                List.of("monorepo/app:hash-abc")),
            Optional.empty(),
            META);

    assertThat(argv)
        .containsExactly(
            "docker",
            "buildx",
            "build",
            "--progress=plain",
            "--platform",
            "linux/amd64",
            "--provenance=false",
            "--file",
            "/repo/services/app/Dockerfile",
            "--target",
            "runtime",
            "--build-arg",
            "BASE_PREFIX=local/",
            "--build-arg",
            "VERSION=1.2",
            "--tag",
            "monorepo/app:latest",
            "--tag",
            "monorepo/app:1.2",
            "--tag",
            "monorepo/app:hash-abc",
            "--load",
            "--label",
            "dev.orchestrator.input-hash=abc",
            "--label",
            "org.opencontainers.image.title=app",
            "--metadata-file",
            META.toString(),
            "/repo/services/app");
  }

  @Test
  void anEpochIsTheSourceDateEpochBuildArgAndTheExporterRewritesTimestampsWhereItCan() {
    Optional<SourceDateEpoch> epoch = Optional.of(new SourceDateEpoch(1700000000L, "test"));

    assertThat(epochArgv(app, epoch, true))
        .containsSequence("--build-arg", "SOURCE_DATE_EPOCH=1700000000")
        .containsSequence("--output", "type=docker,rewrite-timestamp=true")
        .doesNotContain("--load");
    assertThat(epochArgv(app, epoch, false))
        .containsSequence("--build-arg", "SOURCE_DATE_EPOCH=1700000000")
        .contains("--load")
        .noneMatch(a -> a.contains("rewrite-timestamp"));
  }

  @Test
  void withoutAnEpochTheExporterNeverRewritesTimestamps() {
    assertThat(epochArgv(app, Optional.empty(), true))
        .contains("--load")
        .noneMatch(a -> a.contains("SOURCE_DATE_EPOCH") || a.contains("rewrite-timestamp"));
  }

  private static List<String> epochArgv(
      Service service, Optional<SourceDateEpoch> epoch, boolean rewrite) {
    Profile none =
        Profile.builder("p").cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max")).build();
    return BuildxCommand.argv(
        ImageBuild.of(
            service,
            none,
            List.of("linux/amd64"),
            Map.of(),
            Path.of("/repo"),
            Map.of(),
            List.of(),
            epoch,
            rewrite),
        Optional.empty(),
        META);
  }

  @Test
  void theReproducibilityGatesRebuildIsTheSameBuildWithoutCacheToAnOciLayout(@TempDir Path root) {
    Profile local =
        Profile.builder("p")
            .cache(new Profile.Cache(Profile.Cache.Type.LOCAL, ".cache/buildx", "max"))
            .build();
    ImageBuild build =
        ImageBuild.of(
            app,
            local,
            List.of("linux/amd64", "linux/arm64"),
            Map.of("base", "docker-image://monorepo/base:latest"),
            root,
            Map.of("dev.orchestrator.input-hash", "abc"),
            List.of(),
            Optional.of(new SourceDateEpoch(1700000000L, "test")),
            false);
    Path dir = Path.of("/repo/.cache/orchestrator/reproducible/app/first");

    assertThat(BuildxCommand.noCacheArgv(build.toOciLayout(dir, true), Optional.empty(), META))
        .containsExactly(
            "docker",
            "buildx",
            "build",
            "--progress=plain",
            "--no-cache",
            "--platform",
            "linux/amd64,linux/arm64",
            "--provenance=false",
            "--file",
            "/repo/services/app/Dockerfile",
            "--build-arg",
            "SOURCE_DATE_EPOCH=1700000000",
            "--build-context",
            "base=docker-image://monorepo/base:latest",
            "--output",
            "type=oci,tar=false,dest=" + dir + ",rewrite-timestamp=true",
            "--label",
            "dev.orchestrator.input-hash=abc",
            "--metadata-file",
            META.toString(),
            "/repo/services/app");
    assertThat(BuildxCommand.noCacheArgv(build.toOciLayout(dir, false), Optional.empty(), META))
        .contains("type=oci,tar=false,dest=" + dir)
        .noneMatch(a -> a.contains("rewrite-timestamp"));
  }

  @Test
  void aServiceYamlArgNamedSourceDateEpochWins() {
    Service pinned =
        new Service(
            app.name(),
            app.directory(),
            app.relativeDirectory(),
            app.dockerfile(),
            app.context(),
            app.descriptor().toBuilder().args(Map.of("SOURCE_DATE_EPOCH", "1")).build(),
            app.dockerfileInfo());
    Profile none =
        Profile.builder("p").cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max")).build();

    ImageBuild build =
        ImageBuild.of(
            pinned,
            none,
            List.of("linux/amd64"),
            Map.of(),
            Path.of("/repo"),
            Map.of(),
            List.of(),
            Optional.of(new SourceDateEpoch(1700000000L, "test")),
            false);

    assertThat(build.args()).containsExactly(Map.entry("SOURCE_DATE_EPOCH", "1"));
  }

  /**
   * The argv of a service built alone: named contexts are images, as {@link ServiceBuild} wires
   * them.
   */
  private static List<String> argv(
      Service service,
      Profile profile,
      List<String> platforms,
      Map<String, String> images,
      Path root,
      Path metadata) {
    Map<String, String> contexts = new java.util.TreeMap<>();
    images.forEach((name, ref) -> contexts.put(name, "docker-image://" + ref));
    return BuildxCommand.argv(
        ImageBuild.of(service, profile, platforms, contexts, root, Map.of(), List.of()),
        profile.builderFor(platforms),
        metadata);
  }
}
