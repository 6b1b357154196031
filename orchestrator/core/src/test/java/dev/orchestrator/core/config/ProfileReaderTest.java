package dev.orchestrator.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.config.Profile.Cache;
import dev.orchestrator.core.config.Profile.Output;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileReaderTest {
  private static final String REMEDY =
      " (give it with --registry HOST[/PATH] or the ORCHESTRATOR_REGISTRY variable, or set"
          + " 'registry' in the profile)";

  @TempDir Path profiles;

  @Test
  void aProfileThatIsAFolderIsAnErrorNamingIt() throws IOException {
    Path folder = Files.createDirectories(profiles.resolve("ci.yaml"));

    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class, () -> ProfileReader.load(profiles, "ci"));

    assertThat(e.problems()).containsExactly(Problem.inFile(folder, "is a folder, not a file"));
  }

  @Test
  void aProfileThatIsNotUtf8SaysSo() throws IOException {
    Path file = profiles.resolve("ci.yaml");
    Files.createDirectories(profiles);
    Files.write(file, new byte[] {'j', 'o', 'b', 's', ':', ' ', (byte) 0xc3, (byte) 0x28, '\n'});

    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class, () -> ProfileReader.load(profiles, "ci"));

    assertThat(e.problems()).containsExactly(Problem.inFile(file, "is not UTF-8 text"));
  }

  @Test
  void emptyProfileHasDefaults() throws IOException {
    Path file = write("dev", "");

    assertThat(ProfileReader.read(file)).isEqualTo(Profile.builder("dev").file(file).build());
  }

  @Test
  void readsEveryKey() throws IOException {
    Path file =
        write(
            "ci",
            """
            description: CI builds.
            platforms: [linux/amd64, linux/arm64]
            output: push
            registry: ghcr.io/acme
            namespace: team/apps
            tag: "1.0"
            cache:
              type: registry
              ref: ghcr.io/acme/cache
              mode: min
            jobs: 4
            builder: orchestrator
            """);

    assertThat(ProfileReader.read(file))
        .isEqualTo(
            Profile.builder("ci")
                .file(file)
                .platforms(List.of("linux/amd64", "linux/arm64"))
                .output(Output.PUSH)
                .registry(Optional.of("ghcr.io/acme"))
                .namespace("team/apps")
                .tag("1.0")
                .cache(new Cache(Cache.Type.REGISTRY, "ghcr.io/acme/cache", "min"))
                .jobs(4)
                .builder(Optional.of("orchestrator"))
                .build());
  }

  @Test
  void registryCacheDefaultsUnderTheRegistry() throws IOException {
    Profile p = read("output: push\nregistry: 127.0.0.1:5000\ncache:\n  type: registry\n");

    assertThat(p.cache()).isEqualTo(new Cache(Cache.Type.REGISTRY, "127.0.0.1:5000/cache", "max"));
  }

  @Test
  void localCacheFolderAndNoCache() throws IOException {
    assertThat(read("cache:\n  dir: build/cache\n").cache())
        .isEqualTo(new Cache(Cache.Type.LOCAL, "build/cache", "max"));
    assertThat(read("cache:\n  type: none\n").cache())
        .isEqualTo(new Cache(Cache.Type.NONE, "", "max"));
  }

  @Test
  void pushNeedsARegistry() throws IOException {
    assertThat(problems("platforms: [linux/amd64]\noutput: push\n"))
        .containsExactly(
            at(2, "'registry' is required when output is push or push-by-digest" + REMEDY));
  }

  @Test
  void registryCacheNeedsARefOrRegistry() throws IOException {
    assertThat(problems("cache:\n  type: registry\n"))
        .containsExactly(
            at(
                2,
                "'cache.ref' or 'registry' is required when the cache type is registry" + REMEDY));
  }

  @Test
  void cacheKeysOfAnotherType() throws IOException {
    assertThat(problems("registry: r.io\ncache:\n  type: registry\n  dir: x\n"))
        .containsExactly(at(4, "'cache.dir' only applies to cache type local"));
    assertThat(problems("cache:\n  ref: r.io/cache\n"))
        .containsExactly(at(2, "'cache.ref' only applies to cache type registry"));
  }

  @Test
  void cacheFolderMustStayInside() throws IOException {
    assertThat(problems("cache:\n  dir: ../outside\n"))
        .containsExactly(
            at(2, "'cache.dir': '../outside' leads outside the folder it is relative to"));
  }

  @Test
  void aProfilePlatformIsHostOrAKnownPlatform() throws IOException {
    assertThat(read("platforms: [host, linux/arm64/v8, linux/riscv64]\n").platforms())
        .containsExactly("host", "linux/arm64/v8", "linux/riscv64");
    assertThat(problems("platforms: [host, linux/amd65]\n"))
        .containsExactly(
            at(
                1,
                "'platforms': 'linux/amd65' is not a platform such as linux/amd64, or the word"
                    + " host: unknown architecture 'amd65' (known: amd64, arm64, arm, 386,"
                    + " ppc64le, s390x, riscv64, mips64le, loong64)"));
  }

  @Test
  void badValues() throws IOException {
    assertThat(
            problems(
                """
                platforms: [hosts]
                output: save
                registry: https://ghcr.io
                namespace: Team
                tag: ":latest"
                cache:
                  type: s3
                  mode: full
                  size: 1GB
                jobs: 0
                """))
        .containsExactly(
            at(1, "'platforms': 'hosts' is not a platform such as linux/amd64, or the word host"),
            at(2, "'output': 'save' is not one of: load, push, push-by-digest"),
            at(
                3,
                "'registry': 'https://ghcr.io' is not a registry such as 127.0.0.1:5000 or"
                    + " ghcr.io/org"),
            at(4, "'namespace': 'Team' is not a repository path such as monorepo or team/apps"),
            at(5, "'tag': ':latest' is not a docker tag such as 1.4.2 or latest"),
            at(7, "'cache.type': 's3' is not one of: none, local, registry"),
            at(8, "'cache.mode': 'full' is not one of: min, max"),
            at(9, "unknown key 'cache.size'; expected one of: type, dir, ref, mode"),
            at(10, "'jobs': '0' is not a whole number of at least 1"));
  }

  @Test
  void wrongTypes() throws IOException {
    assertThat(problems("platforms: host\ncache: local\njobs: [2]\n"))
        .containsExactly(
            at(
                1,
                "'platforms' must be a list of platforms such as [linux/amd64, linux/arm64] or"
                    + " [host]"),
            at(2, "'cache' must be a map such as {type: local, dir: .cache/buildx, mode: max}"),
            at(3, "'jobs' must be a whole number of at least 1"));
  }

  @Test
  void unknownKeyListsTheKeys() throws IOException {
    assertThat(problems("platform: [host]\n"))
        .containsExactly(
            at(
                1,
                "unknown key 'platform'; expected one of: description, platforms, output,"
                    + " registry, namespace, tag, cache, jobs, sessionWidth, builder, builders,"
                    + " stagingTag,"
                    + " mergeTags, lint, sourceDateEpoch, provenance, sbom, verify, inherit"));
  }

  @Test
  void sessionWidthIsReadAndThirtyTwoByDefault() throws IOException {
    assertThat(read("sessionWidth: 8\n").sessionWidth()).isEqualTo(8);
    assertThat(read("jobs: 2\n").sessionWidth()).isEqualTo(Profile.DEFAULT_SESSION_WIDTH);
    assertThat(Profile.DEFAULT_SESSION_WIDTH).isEqualTo(32);
  }

  @Test
  void sessionWidthMustBeAPositiveWholeNumber() throws IOException {
    assertThat(problems("jobs: 2\nsessionWidth: 0\n"))
        .containsExactly(at(2, "'sessionWidth': '0' is not a whole number of at least 1"));
    assertThat(problems("sessionWidth: -3\n"))
        .containsExactly(at(1, "'sessionWidth': '-3' is not a whole number of at least 1"));
    assertThat(problems("sessionWidth: many\n"))
        .containsExactly(at(1, "'sessionWidth': 'many' is not a whole number of at least 1"));
    assertThat(problems("sessionWidth: [4]\n"))
        .containsExactly(at(1, "'sessionWidth' must be a whole number of at least 1"));
  }

  @Test
  void lintWarningsAsErrorsIsReadAndOffByDefault() throws IOException {
    assertThat(read("lint: {warnings-as-errors: true}\n").lint().warningsAsErrors()).isTrue();
    assertThat(read("lint: {warnings-as-errors: false}\n").lint().warningsAsErrors()).isFalse();
    assertThat(read("jobs: 2\n").lint()).isEqualTo(Profile.Lint.DEFAULT);
    assertThat(Profile.Lint.DEFAULT.warningsAsErrors()).isFalse();
  }

  @Test
  void verifyReproducibleIsReadAndOffByDefault() throws IOException {
    assertThat(read("verify: {reproducible: true}\n").verify().reproducible()).isTrue();
    assertThat(read("verify: {reproducible: false}\n").verify().reproducible()).isFalse();
    assertThat(read("jobs: 2\n").verify()).isEqualTo(Profile.Verify.DEFAULT);
    assertThat(problems("verify:\n  reproducible: yes\n  run: true\n"))
        .containsExactly(
            at(2, "'verify.reproducible': 'yes' is not one of: true, false"),
            at(3, "unknown key 'verify.run'; expected one of: reproducible"));
  }

  @Test
  void badLintKeysNameTheirLines() throws IOException {
    assertThat(problems("jobs: 2\nlint:\n  warnings-as-errors: yes\n  strict: true\n"))
        .containsExactly(
            at(3, "'lint.warnings-as-errors': 'yes' is not one of: true, false"),
            at(4, "unknown key 'lint.strict'; expected one of: warnings-as-errors"));
    assertThat(problems("lint: true\n"))
        .containsExactly(at(1, "'lint' must be a map such as {warnings-as-errors: true}"));
  }

  @Test
  void loadsByName() throws IOException {
    write("local", "jobs: 3\n");

    assertThat(ProfileReader.load(profiles, "local").jobs()).isEqualTo(3);
  }

  @Test
  void unknownProfileListsTheAvailableOnes() throws IOException {
    write("local", "");
    write("dev", "");
    Files.writeString(profiles.resolve("README.md"), "not a profile");

    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class, () -> ProfileReader.load(profiles, "staging"));

    assertThat(e.problems())
        .containsExactly(
            Problem.inFile(
                profiles,
                "unknown profile 'staging'; available: ci, ci-amd64, ci-arm64, dev, local,"
                    + " release"));
  }

  @Test
  void profileNameCannotReachOutsideTheFolder() throws IOException {
    Files.writeString(profiles.resolveSibling("secret.yaml"), "");

    assertThat(
            catchThrowableOfType(
                ConfigurationException.class, () -> ProfileReader.load(profiles, "../secret")))
        .hasMessageEndingWith(
            "unknown profile '../secret'; available: ci, ci-amd64, ci-arm64, local, release");
  }

  @Test
  void ciKeysAreReadBuildersPerPlatformStagingTagAndMergeTags() throws IOException {
    Profile ci =
        read(
            """
        platforms: [linux/arm64]
        output: push-by-digest
        registry: 127.0.0.1:5000
        builders: {linux/arm64: arm-native}
        stagingTag: "ci-{arch}"
        mergeTags: ["sha-{shortSha}", "{major}.{minor}"]
        """);

    assertThat(ci.output()).isEqualTo(Profile.Output.PUSH_BY_DIGEST);
    assertThat(ci.builders()).containsExactly(java.util.Map.entry("linux/arm64", "arm-native"));
    assertThat(ci.stagingTag()).contains("ci-{arch}");
    assertThat(ci.mergeTags()).containsExactly("sha-{shortSha}", "{major}.{minor}");
  }

  @Test
  void badCiKeysNameTheirLines() throws IOException {
    assertThat(
            problems(
                """
        builders: {linux: x}
        stagingTag: ci
        mergeTags: ["{nope}"]
        """))
        .containsExactly(
            at(1, "'builders': 'linux' is not a platform such as linux/amd64 or linux/arm/v7"),
            at(
                2,
                "'stagingTag': 'ci' must hold {arch}, so that the architecture jobs never push"
                    + " to one tag"),
            at(
                3,
                "'mergeTags': '{nope}' uses an unknown placeholder {nope}; known: {sha},"
                    + " {shortSha}, {branch}, {version}, {major}, {minor}, {patch}, {tag}"));
  }

  @Test
  void sourceDateEpochIsFromGitUnlessAProfileSetsSecondsOrNone() throws IOException {
    assertThat(read("jobs: 1\n").sourceDateEpoch()).isEqualTo(Profile.EpochSetting.FROM_GIT);
    assertThat(read("sourceDateEpoch: 1700000000\n").sourceDateEpoch())
        .isEqualTo(Profile.EpochSetting.fixed(1700000000L));
    assertThat(read("sourceDateEpoch: none\n").sourceDateEpoch())
        .isEqualTo(Profile.EpochSetting.NONE);
  }

  @Test
  void aSourceDateEpochThatIsNeitherSecondsNorNoneNamesItsLine() throws IOException {
    assertThat(problems("jobs: 1\nsourceDateEpoch: yesterday\n"))
        .containsExactly(
            at(
                2,
                "'sourceDateEpoch': 'yesterday' is not a number of seconds since 1970 (such as"
                    + " 1700000000) or none"));
  }

  @Test
  void provenanceAndSbomAreOffUnlessAProfileSetsThem() throws IOException {
    assertThat(read("jobs: 1\n").attestations()).isEqualTo(Profile.Attestations.NONE);
    assertThat(Profile.Attestations.NONE.any()).isFalse();
    assertThat(read("provenance: false\n").attestations()).isEqualTo(Profile.Attestations.NONE);
    assertThat(read("provenance: min\n").attestations())
        .isEqualTo(new Profile.Attestations(Profile.ProvenanceMode.MIN, false));
    assertThat(read("provenance: max\nsbom: true\n").attestations())
        .isEqualTo(new Profile.Attestations(Profile.ProvenanceMode.MAX, true));
    assertThat(read("sbom: true\n").attestations())
        .isEqualTo(new Profile.Attestations(Profile.ProvenanceMode.FALSE, true));
    assertThat(read("sbom: false\n").attestations().any()).isFalse();
  }

  @Test
  void badProvenanceAndSbomValuesNameTheirLinesAndTheValuesAccepted() throws IOException {
    assertThat(problems("jobs: 1\nprovenance: true\nsbom: max\n"))
        .containsExactly(
            at(2, "'provenance': 'true' is not one of: false, min, max"),
            at(3, "'sbom': 'max' is not one of: true, false"));
    assertThat(problems("provenance: [max]\n"))
        .containsExactly(at(1, "'provenance' must be one of: false, min, max"));
  }

  @Test
  void withoutMergeTagsTheMergeTagsIsTheTag() throws IOException {
    assertThat(read("tag: stable\n").mergeTags()).containsExactly("stable");
  }

  private Profile read(String yaml) throws IOException {
    return ProfileReader.read(write("p", yaml));
  }

  private List<String> problems(String yaml) throws IOException {
    Path file = write("p", yaml);
    ConfigurationException e =
        catchThrowableOfType(ConfigurationException.class, () -> ProfileReader.read(file));
    assertThat(e).as("problems in %s", yaml).isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(profiles.resolve(name + ".yaml"), yaml);
  }

  private String at(int line, String message) {
    return profiles.resolve("p.yaml") + ":" + line + ": " + message;
  }
}
