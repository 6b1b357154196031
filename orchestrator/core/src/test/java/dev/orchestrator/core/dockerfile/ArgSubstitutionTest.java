package dev.orchestrator.core.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.ConfigurationException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgSubstitutionTest {
  private static final Path FILE = Path.of("Dockerfile");

  static DockerfileInfo parse(String content, Map<String, String> buildArgs) {
    return DockerfileParser.parse(FILE, content, buildArgs);
  }

  @Test
  void globalArgDefaultsAreSubstitutedInFrom() {
    DockerfileInfo info =
        parse(
            """
            ARG REGISTRY=registry.local VERSION="1.2"
            FROM ${REGISTRY}/app:$VERSION
            """,
            Map.of());

    assertThat(info.stages().get(0).baseImage()).isEqualTo("registry.local/app:1.2");
  }

  @Test
  void buildArgsOverrideDefaults() {
    DockerfileInfo info =
        parse(
            """
            ARG TAG=latest
            FROM app:${TAG}
            """,
            Map.of("TAG", "7"));

    assertThat(info.referencedImages()).containsExactly("app:7");
  }

  @Test
  void buildArgsDoNotDefineUndeclaredArgs() {
    DockerfileInfo info = parse("FROM app${TAG:-:default}", Map.of("TAG", ":given"));

    assertThat(info.referencedImages()).containsExactly("app:default");
  }

  @Test
  void argDefaultsMayUseEarlierArgs() {
    DockerfileInfo info =
        parse(
            """
            ARG BASE=alpine
            ARG IMAGE=${BASE}:3.20
            FROM $IMAGE
            """,
            Map.of());

    assertThat(info.referencedImages()).containsExactly("alpine:3.20");
  }

  @Test
  void modifiersFollowShellRules() {
    DockerfileInfo info =
        parse(
            """
            ARG EMPTY=
            ARG SET=x
            ARG UNSET
            FROM a${EMPTY:-1}${EMPTY-2}${UNSET-3}${SET:+4}${EMPTY+5}${EMPTY:+6}${UNSET+7}
            FROM b\\$SET'$SET'"$SET"
            """,
            Map.of());

    assertThat(info.stages()).extracting(Stage::baseImage).containsExactly("a1345", "b$SET$SETx");
  }

  @Test
  void prefixAndSuffixRemoval() {
    DockerfileInfo info =
        parse(
            """
            ARG V=registry.local/team/app:1.2.3
            FROM ${V#*/}
            FROM ${V##*/}
            FROM ${V%.*}
            FROM ${V%%:*}
            """,
            Map.of());

    assertThat(info.stages())
        .extracting(Stage::baseImage)
        .containsExactly(
            "team/app:1.2.3",
            "app:1.2.3",
            "registry.local/team/app:1.2",
            "registry.local/team/app");
  }

  @Test
  void platformIsSubstitutedAndPredefinedPlatformArgsComeFromBuildArgs() {
    DockerfileInfo info =
        parse(
            """
            FROM --platform=$BUILDPLATFORM golang AS build
            FROM --platform=${TARGETPLATFORM} alpine
            """,
            Map.of("BUILDPLATFORM", "linux/arm64"));

    assertThat(info.stages())
        .extracting(Stage::platform)
        .containsExactly(java.util.Optional.of("linux/arm64"), java.util.Optional.empty());
  }

  @Test
  void copyFromAndMountFromUseArgsDeclaredInTheStage() {
    DockerfileInfo info =
        parse(
            """
ARG TOOLS=tools/protoc:1
FROM alpine
ARG TOOLS
ARG DATA=lib/data
ENV CACHE=lib/cache
COPY --from=${TOOLS} /protoc /bin/
RUN --mount=type=bind,from=$DATA,target=/d --mount=type=cache,from=${CACHE},target=/c ls
""",
            Map.of("DATA", "lib/data:2"));

    assertThat(info.referencedImages())
        .containsExactly("alpine", "tools/protoc:1", "lib/data:2", "lib/cache");
  }

  @Test
  void globalArgsAreNotVisibleInAStageUnlessRedeclared() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    ARG TOOLS=tools/protoc
                    FROM alpine
                    COPY --from=$TOOLS /protoc /bin/
                    """,
                    Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Dockerfile:3: COPY --from is empty after substituting ARGs in '$TOOLS'; "
                + "expected an ARG with a value");
  }

  @Test
  void fromImageEmptyAfterSubstitutionIsAProblem() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    ARG BASE
                    FROM ${BASE}
                    """,
                    Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "Dockerfile:2: FROM image is empty after substituting ARGs in '${BASE}'");
  }

  @Test
  void requiredVariableMessageNamesTheLine() {
    assertThatThrownBy(() -> parse("ARG A\nFROM ${A:?needs-a-value}", Map.of()))
        .hasMessage(
            "Dockerfile:2: cannot substitute variables in '${A:?needs-a-value}': A: needs-a-value");
  }

  @Test
  void unterminatedBraceIsAProblem() {
    assertThatThrownBy(() -> parse("FROM ${A", Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Dockerfile:1:")
        .hasMessageContaining("missing '}'");
  }
}
