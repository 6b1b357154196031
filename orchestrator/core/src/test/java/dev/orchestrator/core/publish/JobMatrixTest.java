package dev.orchestrator.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobMatrixTest {
  @Test
  void oneJobPerArchitectureOnARunnerOfThatArchitecture() {
    List<JobMatrix.Job> jobs =
        JobMatrix.jobs(
            List.of("linux/amd64", "linux/arm64"),
            Path.of("buildx-profiles"),
            List.of("ci", "ci-amd64", "ci-arm64"));

    assertThat(jobs)
        .containsExactly(
            new JobMatrix.Job(
                "amd64",
                "linux/amd64",
                "ci-amd64",
                "ubuntu-24.04",
                ".cache/orchestrator/digests-amd64.json",
                "digests-amd64"),
            new JobMatrix.Job(
                "arm64",
                "linux/arm64",
                "ci-arm64",
                "ubuntu-24.04-arm",
                ".cache/orchestrator/digests-arm64.json",
                "digests-arm64"));
  }

  @Test
  void aMissingArchitectureProfileIsNamed() {
    assertThatThrownBy(
            () ->
                JobMatrix.jobs(
                    List.of("linux/amd64", "linux/arm64"),
                    Path.of("buildx-profiles"),
                    List.of("ci-amd64")))
        .hasMessageContaining("buildx-profiles: no profile 'ci-arm64' for the linux/arm64 job");
  }
}
