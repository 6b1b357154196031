package dev.orchestrator.core.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.dockerfile.DockerfileInfo;
import dev.orchestrator.core.dockerfile.DockerfileParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepRecordsTest {
  static final String BOTH_AMD = "linux/amd64";
  static final String BOTH_ARM = "linux/arm64";

  /** A builder stage whose layers are not in the image, and a final stage FROM a base image. */
  static final DockerfileInfo MULTI_STAGE =
      DockerfileParser.parse(
          Path.of("Dockerfile"),
          """
          FROM scratch AS build
          COPY src /src
          RUN make
          FROM runtime-base
          ENV MODE=prod
          COPY --from=build /out /app
          RUN chmod 755 /app
          CMD ["/app"]
          """,
          Map.of());

  /** BuildKit's progress for both platforms: the build stage's steps all cached. */
  static final List<String> MULTI_STAGE_PROGRESS =
      List.of(
          "#3 [internal] load metadata for docker.io/library/runtime-base:latest",
          "#4 [build 1/2] COPY src /src",
          "#4 CACHED",
          "#5 [build 2/2] RUN make",
          "#5 CACHED",
          "#6 [linux/amd64 stage-1 1/3] FROM docker.io/library/runtime-base:latest",
          "#7 [linux/arm64 stage-1 1/3] FROM docker.io/library/runtime-base:latest",
          "#8 [linux/amd64 stage-1 2/3] COPY --from=build /out /app",
          "#8 CACHED",
          "#9 [linux/arm64 stage-1 2/3] COPY --from=build /out /app",
          "#10 [stage-1 3/3] RUN chmod 755 /app",
          "#11 [stage-1 3/3] RUN chmod 755 /app",
          "#11 CACHED");

  @Test
  void onlyTheFinalStagesStepsAreRecordedEachPlatformWithItsOwnCacheUse() {
    Map<String, StepRecord> records =
        StepRecords.of(
            BuildStep.parse(MULTI_STAGE_PROGRESS, Optional.empty()),
            MULTI_STAGE,
            Optional.empty(),
            Map.of(BOTH_AMD, "sha256:amd", BOTH_ARM, "sha256:arm"));

    assertThat(records.get(BOTH_AMD))
        .isEqualTo(
            new StepRecord(
                "sha256:amd",
                true,
                List.of(
                    new StepRecord.Step("COPY --from=build /out /app", LayerCache.CACHED),
                    // One RUN vertex per platform, neither named: they disagree, so unknown.
                    new StepRecord.Step("RUN chmod 755 /app", LayerCache.UNKNOWN))));
    assertThat(records.get(BOTH_ARM).steps())
        .extracting(StepRecord.Step::cache)
        .containsExactly(LayerCache.BUILT, LayerCache.UNKNOWN);
  }

  @Test
  void aTargetStageAndTheStagesItIsBuiltFromMakeTheImageRootFirst() {
    DockerfileInfo chained =
        DockerfileParser.parse(
            Path.of("Dockerfile"),
            """
            FROM scratch AS b
            COPY busybox /bin/busybox
            FROM b AS app
            WORKDIR /app
            RUN true
            FROM app AS test
            RUN false
            """,
            Map.of());
    List<String> progress =
        List.of(
            "#1 [b 1/1] COPY busybox /bin/busybox",
            "#1 CACHED",
            "#2 [app 1/2] WORKDIR /app",
            "#3 [app 2/2] RUN true",
            "#4 [test 1/1] RUN false");

    StepRecord record =
        StepRecords.of(
                BuildStep.parse(progress, Optional.empty()),
                chained,
                Optional.of("app"),
                Map.of(BOTH_AMD, "sha256:m"))
            .get(BOTH_AMD);

    assertThat(record.fromImage()).isFalse();
    assertThat(record.steps())
        .containsExactly(
            new StepRecord.Step("COPY busybox /bin/busybox", LayerCache.CACHED),
            new StepRecord.Step("WORKDIR /app", LayerCache.BUILT),
            new StepRecord.Step("RUN true", LayerCache.BUILT));
  }

  @Test
  void anInRepoBaseWiredAsANamedContextHasNoNumberedFromStep() {
    DockerfileInfo fromService =
        DockerfileParser.parse(Path.of("Dockerfile"), "FROM app\nCOPY c.txt /c.txt\n", Map.of());
    // As BuildKit printed it for FROM app with the context app=docker-image://…: the FROM counts
    // in the total, but shows as a [context app] vertex without a number.
    List<String> progress =
        List.of(
            "#3 [context app] load metadata for ns/app:latest",
            "#7 [context app] ns/app:latest",
            "#9 [linux/amd64 1/2] COPY c.txt /c.txt",
            "#9 CACHED",
            "#10 [linux/arm64 1/2] COPY c.txt /c.txt");

    Map<String, StepRecord> records =
        StepRecords.of(
            BuildStep.parse(progress, Optional.empty()),
            fromService,
            Optional.empty(),
            Map.of(BOTH_AMD, "sha256:amd", BOTH_ARM, "sha256:arm"));

    assertThat(records.get(BOTH_AMD).steps())
        .containsExactly(new StepRecord.Step("COPY c.txt /c.txt", LayerCache.CACHED));
    assertThat(records.get(BOTH_ARM).steps())
        .containsExactly(new StepRecord.Step("COPY c.txt /c.txt", LayerCache.BUILT));
    assertThat(records.get(BOTH_ARM).fromImage()).isTrue();
  }

  @Test
  void aStageWithAStepMissingFromTheProgressGetsNoRecord() {
    List<String> missing =
        MULTI_STAGE_PROGRESS.stream().filter(l -> !l.contains("2/3] COPY")).toList();

    assertThat(
            StepRecords.of(
                BuildStep.parse(missing, Optional.empty()),
                MULTI_STAGE,
                Optional.empty(),
                Map.of(BOTH_AMD, "sha256:amd")))
        .isEmpty();
  }

  @Test
  void aSingleStageDockerfilesStepsCarryNoStageName() {
    DockerfileInfo single =
        DockerfileParser.parse(
            Path.of("Dockerfile"), "FROM scratch\nCOPY a /a\nCOPY b /b\n", Map.of());

    StepRecord record =
        StepRecords.of(
                BuildStep.parse(
                    List.of("#1 [1/2] COPY a /a", "#2 [2/2] COPY b /b", "#2 CACHED"),
                    Optional.empty()),
                single,
                Optional.empty(),
                Map.of(BOTH_AMD, "sha256:m"))
            .get(BOTH_AMD);

    assertThat(record.steps())
        .extracting(StepRecord.Step::cache)
        .containsExactly(LayerCache.BUILT, LayerCache.CACHED);
  }

  @Test
  void aSingleStageBuiltBesideANamedContextsStagesIsStageZero() {
    // worker (FROM base, COPY --from=api) in a bake session with api, its target: context: the
    // solve holds api's stage too, so BuildKit names worker's one stage stage-0.
    DockerfileInfo worker =
        DockerfileParser.parse(
            Path.of("Dockerfile"),
            """
            FROM base
            COPY --from=api /app/main.sh /app/api.sh
            RUN echo worker > /app/w
            """,
            Map.of());
    List<String> progress =
        List.of(
            "#11 [worker context base] monorepo/base:latest",
            "#11 CACHED",
            "#12 [worker stage-0 1/3] COPY --from=api /app/main.sh /app/api.sh",
            "#13 [worker stage-0 2/3] RUN echo worker > /app/w",
            "#13 CACHED");

    Map<String, StepRecord> records =
        StepRecords.of(
            BuildStep.parse(progress, Optional.of("worker")),
            worker,
            Optional.empty(),
            Map.of(BOTH_AMD, "sha256:amd"));

    assertThat(records.get(BOTH_AMD).steps())
        .containsExactly(
            new StepRecord.Step("COPY --from=api /app/main.sh /app/api.sh", LayerCache.BUILT),
            new StepRecord.Step("RUN echo worker > /app/w", LayerCache.CACHED));
  }
}
