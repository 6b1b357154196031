package dev.orchestrator.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildOutputTest {

  @Test
  void countsCachedStepsPerPlatform() {
    List<String> lines = List.of(
        "#1 [internal] load build definition from Dockerfile",
        "#5 [context base] monorepo/base:latest",
        "#7 [linux/amd64 1/2] RUN uname -m > /arch",
        "#8 [linux/arm64 1/2] RUN uname -m > /arch",
        "#9 [linux/amd64 build 2/2] COPY x /x",
        "#10 [linux/arm64 build 2/2] COPY x /x",
        "#7 CACHED",
        "#9 CACHED",
        "#10 DONE 0.1s");

    assertThat(BuildOutput.cacheUse(lines))
        .containsEntry("linux/amd64", new BuildOutput.StepCounts(2, 2))
        .containsEntry("linux/arm64", new BuildOutput.StepCounts(0, 2))
        .hasSize(2);
  }

  @Test
  void aSinglePlatformBuildHasNoPlatformInItsStepNames() {
    List<String> lines = List.of("#4 [1/2] COPY a /a", "#4 CACHED", "#5 [2/2] RUN true");

    assertThat(BuildOutput.cacheUse(lines)).containsEntry("", new BuildOutput.StepCounts(1, 2));
  }
}
