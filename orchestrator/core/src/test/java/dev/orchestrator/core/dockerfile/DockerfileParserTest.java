package dev.orchestrator.core.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.dockerfile.ImageReference.Kind;
import dev.orchestrator.core.error.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileParserTest {
  private static final Path FILE = Path.of("svc/Dockerfile");

  static DockerfileInfo parse(String content) {
    return DockerfileParser.parse(FILE, content, Map.of());
  }

  @Test
  void readsStagesWithIndexNamePlatformAndLine() {
    DockerfileInfo info =
        parse(
            """
            FROM --platform=linux/amd64 maven:3.9 AS Build
            RUN mvn package

            from eclipse-temurin:17
            """);

    assertThat(info.stages())
        .containsExactly(
            new Stage(0, "maven:3.9", Optional.of("build"), Optional.of("linux/amd64"), 1),
            new Stage(1, "eclipse-temurin:17", Optional.empty(), Optional.empty(), 4));
    assertThat(info.stageNames()).containsExactly("build");
    assertThat(info.file()).isEqualTo(FILE);
  }

  @Test
  void referencesEveryImageOccurrenceInFileOrder() {
    DockerfileInfo info =
        parse(
            """
            FROM lib/base AS build
            COPY --from=tools/protoc /bin/protoc /usr/bin/
            RUN --mount=type=bind,from=tools/protoc,source=/x,target=/y make
            FROM lib/base
            """);

    assertThat(info.references())
        .containsExactly(
            new ImageReference("lib/base", Kind.FROM, 1),
            new ImageReference("tools/protoc", Kind.COPY_FROM, 2),
            new ImageReference("tools/protoc", Kind.MOUNT_FROM, 3),
            new ImageReference("lib/base", Kind.FROM, 4));
    assertThat(info.referencedImages()).containsExactly("lib/base", "tools/protoc");
  }

  @Test
  void stageNameShadowsAnImageOfTheSameNameCaseInsensitively() {
    DockerfileInfo info =
        parse(
            """
            FROM base AS Build
            FROM build
            COPY --from=BUILD /app /app
            """);

    assertThat(info.referencedImages()).containsExactly("base");
  }

  @Test
  void fromResolvesItsImageBeforeItsOwnNameIsDefined() {
    DockerfileInfo info =
        parse(
            """
            FROM build AS build
            FROM runtime
            COPY --from=build /app /app
            """);

    assertThat(info.references())
        .extracting(ImageReference::image, ImageReference::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("build", Kind.FROM),
            org.assertj.core.groups.Tuple.tuple("runtime", Kind.FROM));
  }

  @Test
  void copyFromSeesStageNamesDefinedLaterInTheFile() {
    DockerfileInfo info =
        parse(
            """
            FROM alpine AS first
            COPY --from=second /a /a
            FROM alpine AS second
            """);

    assertThat(info.referencedImages()).containsExactly("alpine");
  }

  @Test
  void numericFromIsAStageIndex() {
    DockerfileInfo info =
        parse(
            """
            FROM golang AS build
            FROM alpine
            COPY --from=0 /go/bin/app /app
            RUN --mount=from=1,target=/x true
            """);

    assertThat(info.referencedImages()).containsExactly("golang", "alpine");
  }

  @Test
  void stageIndexOutOfRangeIsAProblemAtItsLine() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    FROM alpine
                    COPY --from=3 /a /a
                    """))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("svc/Dockerfile:2: stage index 3 does not exist");
  }

  @Test
  void scratchIsNeverAReference() {
    DockerfileInfo info =
        parse(
            """
            FROM scratch AS empty
            FROM scratch
            COPY --from=scratch /a /a
            """);

    assertThat(info.references()).isEmpty();
    assertThat(info.stages()).extracting(Stage::baseImage).containsExactly("scratch", "scratch");
  }

  @Test
  void capturesTheSyntaxDirective() {
    DockerfileInfo info =
        parse(
            """
            # syntax=docker/dockerfile:1.7
            FROM alpine
            """);

    assertThat(info.syntax()).contains("docker/dockerfile:1.7");
  }

  @Test
  void withoutSyntaxDirectiveSyntaxIsEmpty() {
    assertThat(parse("FROM alpine").syntax()).isEmpty();
  }

  @Test
  void copyAcceptsOtherFlagsQuotedValuesAndJsonForm() {
    DockerfileInfo info =
        parse(
            """
            FROM alpine
            COPY --link --chown=app:app --from="lib/assets:1" ["a b", "/dst/"]
            ADD --from=lib/other --chmod=755 x /y
            COPY ["a", "b"]
            """);

    assertThat(info.references())
        .extracting(ImageReference::image, ImageReference::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alpine", Kind.FROM),
            org.assertj.core.groups.Tuple.tuple("lib/assets:1", Kind.COPY_FROM),
            org.assertj.core.groups.Tuple.tuple("lib/other", Kind.COPY_FROM));
  }

  @Test
  void runMountReadsFromInAnyFieldOrderAcrossSeveralMounts() {
    DockerfileInfo info =
        parse(
            """
            FROM alpine
            RUN --mount=from=cache/img,type=cache,target=/root/.m2 \\
                --mount=type=secret,id=npm \\
                --mount="type=bind,from=lib/data,target=/data" \\
                ["sh", "-c", "ls /data"]
            RUN --mount=type=cache,target=/x true
            """);

    assertThat(info.references())
        .extracting(ImageReference::image)
        .containsExactly("alpine", "cache/img", "lib/data");
    assertThat(info.references())
        .filteredOn(r -> r.kind() == Kind.MOUNT_FROM)
        .extracting(ImageReference::line)
        .containsOnly(2);
  }

  @Test
  void instructionKeywordsAndAsAreCaseInsensitive() {
    DockerfileInfo info =
        parse(
            """
            fRoM alpine aS Base
            CoPy --from=base /a /b
            """);

    assertThat(info.stageNames()).containsExactly("base");
    assertThat(info.referencedImages()).containsExactly("alpine");
  }

  @Test
  void readsAFileFromDisk(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, "FROM älpine\n");

    DockerfileInfo info = DockerfileParser.parse(file, Map.of());

    assertThat(info.referencedImages()).containsExactly("älpine");
  }

  @Test
  void aMissingFileIsAConfigurationProblemNamingIt(@TempDir Path dir) {
    Path file = dir.resolve("nope/Dockerfile");

    assertThatThrownBy(() -> DockerfileParser.parse(file, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(file + ": Dockerfile not found");
  }

  @Test
  void labelKeysAreThoseOfTheBuiltStageAndTheStagesItIsBuiltFrom() {
    DockerfileInfo info =
        parse(
            """
            FROM busybox AS base
            LABEL org.opencontainers.image.vendor=acme
            FROM base AS runtime
            LABEL "org.opencontainers.image.title"="shop" \\
                  org.opencontainers.image.version=1.0
            FROM runtime AS debug
            LABEL maintainer alice
            FROM busybox AS other
            LABEL org.opencontainers.image.description="not built FROM by the others"
            FROM runtime
            """);

    assertThat(info.labelKeys(Optional.empty()))
        .containsExactly(
            "org.opencontainers.image.title",
            "org.opencontainers.image.vendor",
            "org.opencontainers.image.version");
    assertThat(info.labelKeys(Optional.of("debug")))
        .containsExactly(
            "maintainer",
            "org.opencontainers.image.title",
            "org.opencontainers.image.vendor",
            "org.opencontainers.image.version");
    assertThat(info.labelKeys(Optional.of("other")))
        .containsExactly("org.opencontainers.image.description");
    assertThat(parse("FROM scratch\n").labelKeys(Optional.empty())).isEmpty();
  }
}
