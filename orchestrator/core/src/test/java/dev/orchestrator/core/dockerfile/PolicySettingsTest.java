package dev.orchestrator.core.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.dockerfile.Setting.Kind;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The instructions kept for image policy: ARG, ENV, USER, HEALTHCHECK, ADD, CMD, ENTRYPOINT. */
class PolicySettingsTest {
  private static DockerfileInfo parse(String content) {
    return DockerfileParser.parse(Path.of("Dockerfile"), content, Map.of("UID", "1001"));
  }

  @Test
  void keepsEachSettingWithItsStageAndLine() {
    DockerfileInfo info =
        parse(
            """
            ARG BASE_TOKEN
            FROM scratch AS build
            ARG UID=1000 GID
            ENV HOME=/app LEGACY_PASSWORD=x
            ENV OLD_STYLE the rest
            FROM scratch
            USER ${UID}:0
            ADD --checksum=sha256:abc https://example.com/a.tgz local.tar /opt/
            HEALTHCHECK --interval=5s CMD ["true"]
            healthcheck none
            CMD ["run"]
            ENTRYPOINT ["x"]
            """);

    assertThat(info.settings())
        .containsExactly(
            new Setting(-1, Kind.ARG, "BASE_TOKEN", Optional.empty(), 1),
            new Setting(0, Kind.ARG, "UID", Optional.of("1000"), 3),
            new Setting(0, Kind.ARG, "GID", Optional.empty(), 3),
            new Setting(0, Kind.ENV, "HOME", Optional.of("/app"), 4),
            new Setting(0, Kind.ENV, "LEGACY_PASSWORD", Optional.of("x"), 4),
            new Setting(0, Kind.ENV, "OLD_STYLE", Optional.of("the rest"), 5),
            new Setting(1, Kind.USER, ":0", Optional.empty(), 7),
            new Setting(1, Kind.ADD, "https://example.com/a.tgz", Optional.of("sha256:abc"), 8),
            new Setting(1, Kind.ADD, "local.tar", Optional.of("sha256:abc"), 8),
            new Setting(1, Kind.HEALTHCHECK, "CMD", Optional.empty(), 9),
            new Setting(1, Kind.HEALTHCHECK, "NONE", Optional.empty(), 10),
            new Setting(1, Kind.CMD, "", Optional.empty(), 11),
            new Setting(1, Kind.ENTRYPOINT, "", Optional.empty(), 12));
    assertThat(info.settingsOf(info.stages().get(0))).hasSize(5);
  }

  @Test
  void aUserIsSubstitutedFromTheStagesArgsWithBuildArgsOverDefaults() {
    DockerfileInfo info = parse("FROM scratch\nARG UID=1000\nUSER ${UID}:${GID:-0}\n");

    assertThat(info.settings().get(1))
        .isEqualTo(new Setting(0, Kind.USER, "1001:0", Optional.empty(), 3));
  }

  @Test
  void aUserThatCannotBeSubstitutedIsKeptAsWrittenNotMadeAProblem() {
    DockerfileInfo info = parse("FROM scratch\nUSER ${UID:?}\n");

    assertThat(info.settings())
        .containsExactly(new Setting(0, Kind.USER, "${UID:?}", Optional.empty(), 2));
  }

  @Test
  void theFinalStageIsTheTargetElseTheLastAndEachStageKnowsItsParent() {
    DockerfileInfo info = parse("FROM scratch AS Base\nFROM base AS run\nFROM 0\n");

    assertThat(info.finalStage(Optional.empty())).map(Stage::index).hasValue(2);
    assertThat(info.finalStage(Optional.of("RUN"))).map(Stage::index).hasValue(1);
    assertThat(info.finalStage(Optional.of("missing"))).isEmpty();
    assertThat(info.parentStage(info.stages().get(1))).map(Stage::index).hasValue(0);
    assertThat(info.parentStage(info.stages().get(2))).map(Stage::index).hasValue(0);
    assertThat(info.parentStage(info.stages().get(0))).isEmpty();
  }
}
