package dev.orchestrator.core.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildStepTest {

  @Test
  void readsPlatformStageAndPositionAndTheCachedLinesOfEachVertexOnce() {
    List<BuildStep> steps =
        BuildStep.parse(
            List.of(
                "#1 [internal] load build definition from Dockerfile",
                "#5 [linux/arm64 stage-1 2/5] WORKDIR /app",
                "#5 CACHED",
                "#6 [stage-1  3/12] RUN echo hi > /hi.txt",
                "#6 0.21 hi",
                "#6 ...",
                "#6 [stage-1  3/12] RUN echo hi > /hi.txt",
                "#6 DONE 0.5s",
                "#7 [2/3] COPY a /a",
                "#8 exporting to image"),
            Optional.empty());

    assertThat(steps)
        .containsExactly(
            new BuildStep("stage-1", 2, 5, Optional.of("linux/arm64"), "WORKDIR /app", true),
            new BuildStep("stage-1", 3, 12, Optional.empty(), "RUN echo hi > /hi.txt", false),
            new BuildStep("", 2, 3, Optional.empty(), "COPY a /a", false));
  }

  @Test
  void aBakeTargetNameBeforeTheVertexIsNotTakenForAStage() {
    List<BuildStep> steps =
        BuildStep.parse(
            List.of("#7 [leaf linux/amd64 build 2/3] RUN make", "#9 [leaf 1/1] COPY x /x"),
            Optional.of("leaf"));

    assertThat(steps)
        .extracting(BuildStep::stage, BuildStep::platform)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("build", Optional.of("linux/amd64")),
            org.assertj.core.groups.Tuple.tuple("", Optional.empty()));
  }
}
