package dev.orchestrator.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.config.DigestsFile;
import dev.orchestrator.core.config.Profile;
import dev.orchestrator.core.error.ConfigurationException;
import dev.orchestrator.core.git.GitRevision;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MergePlannerTest {
  private static final String A = "sha256:" + "a".repeat(64);
  private static final String B = "sha256:" + "b".repeat(64);
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final Profile CI =
      Profile.builder("ci")
          .platforms(List.of("linux/amd64", "linux/arm64"))
          .output(Profile.Output.PUSH)
          .registry(Optional.of("reg:5000"))
          .namespace("mono")
          .cache(new Profile.Cache(Profile.Cache.Type.NONE, "", "max"))
          .mergeTags(List.of("sha-{shortSha}", "{branch}", "{version}", "{major}.{minor}"))
          .build();

  private static DigestsFile file(String name, String platform, String digest) {
    return new DigestsFile(
        Path.of(name),
        Map.of("base", new DigestsFile.Images("reg:5000/mono/base", Map.of(platform, digest), 3)));
  }

  private static GitRevision tag(String tag) {
    return new GitRevision(Optional.of(SHA), Optional.empty(), Optional.of(tag));
  }

  @Test
  void eachServiceGetsOneImagetoolsCommandWithEveryTagAnnotationAndPlatformDigest() {
    MergePlanner.MergePlan plan =
        MergePlanner.plan(
            CI,
            Map.of("base", List.of()),
            List.of(file("amd.json", "linux/amd64", A), file("arm.json", "linux/arm64", B)),
            tag("v1.4.2"),
            Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "acme/mono"),
            false);

    assertThat(plan.merges())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.argv())
                    .containsExactly(
                        "docker",
                        "buildx",
                        "imagetools",
                        "create",
                        "--tag",
                        "reg:5000/mono/base:sha-0123456",
                        "--tag",
                        "reg:5000/mono/base:1.4.2",
                        "--tag",
                        "reg:5000/mono/base:1.4",
                        "--annotation",
                        "index:org.opencontainers.image.revision=" + SHA,
                        "--annotation",
                        "index:org.opencontainers.image.source=https://github.com/acme/mono",
                        "--annotation",
                        "index:org.opencontainers.image.version=1.4.2",
                        "reg:5000/mono/base@" + A,
                        "reg:5000/mono/base@" + B));
  }

  @Test
  void aMissingPlatformIsRefusedNamingServicePlatformAndFiles() {
    assertThatThrownBy(
            () ->
                MergePlanner.plan(
                    CI,
                    Map.of("base", List.of()),
                    List.of(file("amd.json", "linux/amd64", A)),
                    tag("v1.0.0"),
                    Map.of(),
                    false))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("base: no linux/arm64 digest in amd.json")
        .hasMessageContaining("--allow-partial");
  }

  @Test
  void allowPartialPublishesWhatThereIsAndSaysWhatIsLeftOut() {
    MergePlanner.MergePlan plan =
        MergePlanner.plan(
            CI,
            Map.of("base", List.of()),
            List.of(file("amd.json", "linux/amd64", A)),
            tag("v1.0.0"),
            Map.of(),
            true);

    assertThat(plan.merges())
        .singleElement()
        .satisfies(m -> assertThat(m.sources()).containsExactly("reg:5000/mono/base@" + A));
    assertThat(plan.omitted()).singleElement().asString().contains("linux/arm64");
  }

  @Test
  void aServiceLimitedToOnePlatformNeedsOnlyThatOne() {
    MergePlanner.MergePlan plan =
        MergePlanner.plan(
            CI,
            Map.of("base", List.of("linux/amd64")),
            List.of(file("amd.json", "linux/amd64", A)),
            tag("v1.0.0"),
            Map.of(),
            false);

    assertThat(plan.merges()).hasSize(1);
  }

  @Test
  void twoFilesDisagreeingOnADigestIsAnErrorAtTheLineOfTheService() {
    assertThatThrownBy(
            () ->
                MergePlanner.plan(
                    CI,
                    Map.of("base", List.of()),
                    List.of(
                        file("one.json", "linux/amd64", A),
                        file("two.json", "linux/amd64", B),
                        file("arm.json", "linux/arm64", B)),
                    tag("v1.0.0"),
                    Map.of(),
                    false))
        .hasMessageContaining("two.json:3: base linux/amd64 is " + B);
  }

  @Test
  void anUnknownServiceIsAnError() {
    assertThatThrownBy(
            () ->
                MergePlanner.plan(
                    CI,
                    Map.of("other", List.of()),
                    List.of(file("amd.json", "linux/amd64", A)),
                    tag("v1.0.0"),
                    Map.of(),
                    true))
        .hasMessageContaining("amd.json:3: unknown service 'base'");
  }
}
