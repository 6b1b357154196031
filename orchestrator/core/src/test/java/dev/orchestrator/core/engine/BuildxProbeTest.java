package dev.orchestrator.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildxProbeTest {

  @Test
  void inspectsTheCurrentBuilder() {
    assertThat(BuildxProbe.command()).containsExactly("docker", "buildx", "inspect");
  }

  @Test
  void readsThePlatformsLine() {
    String output =
        """
        Name:          default
        Driver:        docker

        Nodes:
        Name:             default
        Status:           running
        Platforms:        linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/arm64*
        Labels:
         org.mobyproject.buildkit.worker.executor:             containerd
        """;

    assertThat(BuildxProbe.parsePlatforms(output))
        .containsExactly("linux/amd64", "linux/amd64/v2", "linux/amd64/v3", "linux/arm64");
  }

  @Test
  void noPlatformsLineMeansNoPlatforms() {
    assertThat(BuildxProbe.parsePlatforms("Name: x\nStatus: inactive\n")).isEmpty();
  }

  @Test
  void readsTheDriverAndBuildKitVersion() {
    String output =
        """
        Name:          default
        Driver:        docker
        Nodes:
        Name:             default
        BuildKit version: v0.0.0+unknown
        """;

    assertThat(BuildxProbe.field(output, "Driver")).isEqualTo("docker");
    assertThat(BuildxProbe.field(output, "BuildKit version")).isEqualTo("v0.0.0+unknown");
    assertThat(BuildxProbe.field(output, "Endpoint")).isEmpty();
  }
}
