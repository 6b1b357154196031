package dev.orchestrator.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.config.Profile.Cache;
import dev.orchestrator.core.config.Profile.Output;
import dev.orchestrator.core.config.ProfileOrigin.Kind;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-in profiles, the files that override them, and the registry from the command line. */
class ProfilesTest {
  private static final Optional<String> NO_REGISTRY = Optional.empty();
  private static final Optional<String> REGISTRY = Optional.of("ghcr.io/acme");

  @TempDir Path root;

  private Path dir() {
    return root.resolve("buildx-profiles");
  }

  private Profiles profiles() {
    return Profiles.in(dir());
  }

  private Path write(String name, String yaml) throws IOException {
    Files.createDirectories(dir());
    return Files.writeString(dir().resolve(name + ".yaml"), yaml);
  }

  @Test
  void withoutAProfilesFolderTheBuiltInProfilesAreThere() {
    assertThat(Files.exists(dir())).isFalse();
    assertThat(profiles().names())
        .containsExactly("ci", "ci-amd64", "ci-arm64", "local", "release");

    assertThat(profiles().resolve("local", NO_REGISTRY))
        .isEqualTo(
            Profile.builder("local")
                .file(Path.of("built-in profile local"))
                .platforms(List.of("host"))
                .output(Output.LOAD)
                .cache(new Cache(Cache.Type.NONE, "", "max"))
                .jobs(2)
                .build());
  }

  @Test
  void theBuiltInCiProfilesPushWithTheRegistryGiven() {
    Profile amd64 = profiles().resolve("ci-amd64", REGISTRY);
    assertThat(amd64.platforms()).containsExactly("linux/amd64");
    assertThat(amd64.output()).isEqualTo(Output.PUSH_BY_DIGEST);
    assertThat(amd64.registry()).contains("ghcr.io/acme");
    assertThat(amd64.stagingTag()).contains("ci-{arch}");
    assertThat(amd64.cache())
        .isEqualTo(new Cache(Cache.Type.REGISTRY, "ghcr.io/acme/cache", "max"));
    assertThat(profiles().resolve("ci-arm64", REGISTRY).platforms()).containsExactly("linux/arm64");

    Profile ci = profiles().resolve("ci", REGISTRY);
    assertThat(ci.platforms()).containsExactly("linux/amd64", "linux/arm64");
    assertThat(ci.output()).isEqualTo(Output.PUSH);
    assertThat(ci.mergeTags())
        .containsExactly("sha-{shortSha}", "{branch}", "{version}", "{major}.{minor}");

    Profile release = profiles().resolve("release", REGISTRY);
    assertThat(release.platforms()).containsExactly("linux/amd64", "linux/arm64");
    assertThat(release.output()).isEqualTo(Output.PUSH);
    assertThat(release.cache().type()).isEqualTo(Cache.Type.REGISTRY);
  }

  @Test
  void onlyTheReleaseProfileAttachesProvenanceMaxAndAnOverrideChangesOneKey() throws IOException {
    for (String name : List.of("local", "ci-amd64", "ci-arm64", "ci")) {
      assertThat(profiles().resolve(name, REGISTRY).attestations())
          .as(name)
          .isEqualTo(Profile.Attestations.NONE);
    }
    assertThat(profiles().resolve("release", REGISTRY).attestations())
        .isEqualTo(new Profile.Attestations(Profile.ProvenanceMode.MAX, false));

    write("release", "sbom: true\n");
    assertThat(profiles().resolve("release", REGISTRY).attestations())
        .isEqualTo(new Profile.Attestations(Profile.ProvenanceMode.MAX, true));
    write("release", "provenance: min\n");
    assertThat(profiles().resolve("release", REGISTRY).attestations())
        .isEqualTo(new Profile.Attestations(Profile.ProvenanceMode.MIN, false));
    write("release", "provenance: false\n");
    assertThat(profiles().resolve("release", REGISTRY).attestations())
        .isEqualTo(Profile.Attestations.NONE);
  }

  @Test
  void aBadProvenanceInAnOverrideNamesItsFileLineAndTheValuesAccepted() throws IOException {
    Path file = write("release", "jobs: 2\nprovenance: full\nsbom: spdx\n");

    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class, () -> profiles().resolve("release", REGISTRY));

    assertThat(e.problems())
        .containsExactly(
            new Problem(file, 2, "'provenance': 'full' is not one of: false, min, max"),
            new Problem(file, 3, "'sbom': 'spdx' is not one of: true, false"));
  }

  @Test
  void aPushingProfileWithoutARegistryFromAnywhereSaysWhereToGiveIt() {
    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class, () -> profiles().resolve("ci-amd64", NO_REGISTRY));

    assertThat(e.problems())
        .containsExactly(
            Problem.inFile(
                Path.of("built-in profile ci-amd64"),
                "'registry' is required when output is push or push-by-digest (give it with"
                    + " --registry HOST[/PATH] or the ORCHESTRATOR_REGISTRY variable, or set"
                    + " 'registry' in the profile)"));
  }

  @Test
  void aRegistryThatIsNotOneIsRefused() {
    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class,
            () -> profiles().resolve("release", Optional.of("https://ghcr.io")));

    assertThat(e.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "the registry 'https://ghcr.io' (--registry or ORCHESTRATOR_REGISTRY) is not a"
                + " registry such as 127.0.0.1:5000 or ghcr.io/org");
  }

  @Test
  void theRegistryGivenWinsOverTheFilesButALoadingProfileKeepsItsNames() throws IOException {
    write("release", "registry: 127.0.0.1:5000\n");
    write("local", "registry: mirror.local\n");

    assertThat(profiles().resolve("release", NO_REGISTRY).registry()).contains("127.0.0.1:5000");
    assertThat(profiles().resolve("release", REGISTRY).registry()).contains("ghcr.io/acme");
    assertThat(profiles().resolve("release", REGISTRY).cache().location())
        .isEqualTo("ghcr.io/acme/cache");
    assertThat(profiles().resolve("local", REGISTRY).registry()).contains("mirror.local");
    assertThat(profiles().resolve("local", NO_REGISTRY).registry()).contains("mirror.local");
  }

  @Test
  void aFileOverridesTheBuiltInProfileKeyByKey() throws IOException {
    write("local", "jobs: 4\nnamespace: acme\n");
    write("ci-arm64", "cache: {mode: min}\nbuilder: arm\n");

    Profile local = profiles().resolve("local", NO_REGISTRY);
    assertThat(local.jobs()).isEqualTo(4);
    assertThat(local.namespace()).isEqualTo("acme");
    assertThat(local.platforms()).containsExactly("host");
    assertThat(local.cache().type()).isEqualTo(Cache.Type.NONE);
    assertThat(local.file()).isEqualTo(dir().resolve("local.yaml"));

    Profile arm = profiles().resolve("ci-arm64", REGISTRY);
    assertThat(arm.cache()).isEqualTo(new Cache(Cache.Type.REGISTRY, "ghcr.io/acme/cache", "min"));
    assertThat(arm.builder()).contains("arm");
    assertThat(arm.stagingTag()).contains("ci-{arch}");
    assertThat(arm.output()).isEqualTo(Output.PUSH_BY_DIGEST);
  }

  @Test
  void aCacheTypeInTheFileStartsTheCacheAfresh() throws IOException {
    write("local", "cache: {type: local}\n");
    write("ci-amd64", "cache: {type: local, dir: .cache/ci}\n");

    assertThat(profiles().resolve("local", NO_REGISTRY).cache())
        .isEqualTo(new Cache(Cache.Type.LOCAL, ".cache/buildx", "max"));
    assertThat(profiles().resolve("ci-amd64", REGISTRY).cache())
        .isEqualTo(new Cache(Cache.Type.LOCAL, ".cache/ci", "max"));
  }

  @Test
  void inheritFalseMakesTheFileTheWholeProfile() throws IOException {
    write("ci-amd64", "inherit: false\nplatforms: [linux/amd64]\noutput: push-by-digest\n");

    Profile p = profiles().resolve("ci-amd64", REGISTRY);
    assertThat(p.stagingTag()).isEmpty();
    assertThat(p.cache()).isEqualTo(Cache.DEFAULT);
    assertThat(p.output()).isEqualTo(Output.PUSH_BY_DIGEST);
  }

  @Test
  void aProfileOfAnotherNameStartsFromTheKeysDefaults() throws IOException {
    write("staging", "output: push\n");

    Profile p = profiles().resolve("staging", REGISTRY);
    assertThat(p.cache()).isEqualTo(Cache.DEFAULT);
    assertThat(p.platforms()).containsExactly("host");
    assertThat(profiles().names()).contains("staging");
  }

  @Test
  void aBadOverrideNamesItsFileAndLine() throws IOException {
    Path file = write("local", "jobs: 2\njobs: 0\nplatforms: [linux/amd65]\n");

    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class, () -> profiles().resolve("local", NO_REGISTRY));

    assertThat(e.problems()).extracting(Problem::file).containsOnly(file);
    assertThat(e.problems()).extracting(Problem::line).containsExactly(2, 3);
  }

  @Test
  void anUnknownProfileListsTheBuiltInAndFileProfiles() throws IOException {
    write("staging", "");

    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class, () -> profiles().resolve("nonexistent", NO_REGISTRY));

    assertThat(e.problems())
        .containsExactly(
            Problem.inFile(
                dir(),
                "unknown profile 'nonexistent'; available: ci, ci-amd64, ci-arm64, local,"
                    + " release, staging"));
    assertThat(catchThrowableOfType(ConfigurationException.class, () -> profiles().written("nope")))
        .isNotNull();
  }

  @Test
  void writtenNeedsNoRegistry() {
    assertThat(profiles().written("ci").platforms()).containsExactly("linux/amd64", "linux/arm64");
    assertThat(profiles().written("ci-amd64").registry()).isEmpty();
  }

  @Test
  void originsSayWhereEachProfileComesFrom() throws IOException {
    Path local = write("local", "description: mine\njobs: 4\ncache: {type: local}\n");
    Path release = write("release", "inherit: false\n");
    Path staging = write("staging", "");

    assertThat(profiles().origins())
        .containsExactly(
            new ProfileOrigin(
                "ci",
                Kind.BUILT_IN,
                Optional.empty(),
                List.of(),
                BuiltInProfiles.layer("ci").orElseThrow().description().orElseThrow()),
            new ProfileOrigin(
                "ci-amd64",
                Kind.BUILT_IN,
                Optional.empty(),
                List.of(),
                BuiltInProfiles.layer("ci-amd64").orElseThrow().description().orElseThrow()),
            new ProfileOrigin(
                "ci-arm64",
                Kind.BUILT_IN,
                Optional.empty(),
                List.of(),
                BuiltInProfiles.layer("ci-arm64").orElseThrow().description().orElseThrow()),
            new ProfileOrigin(
                "local", Kind.OVERRIDDEN, Optional.of(local), List.of("cache", "jobs"), "mine"),
            new ProfileOrigin(
                "release",
                Kind.REPLACED,
                Optional.of(release),
                List.of(),
                BuiltInProfiles.layer("release").orElseThrow().description().orElseThrow()),
            new ProfileOrigin("staging", Kind.FILE, Optional.of(staging), List.of(), ""));
  }

  @Test
  void everyBuiltInProfileReadsAndDescribesItself() {
    for (String name : BuiltInProfiles.NAMES) {
      ProfileReader.Layer layer = BuiltInProfiles.layer(name).orElseThrow();
      assertThat(layer.profile().name()).isEqualTo(name);
      assertThat(layer.description()).as(name).isPresent();
    }
    assertThat(BuiltInProfiles.text("nonexistent")).isEmpty();
  }
}
