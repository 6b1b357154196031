package dev.orchestrator.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.error.EnvironmentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightChecksTest {
  private static final List<String> BOTH = List.of("linux/amd64", "linux/arm64");
  private static final BuildxProbe.Result AMD64_ONLY =
      BuildxProbe.Result.found(List.of("linux/amd64", "linux/amd64/v2"));

  @Test
  void containerdStoreShowsInTheDriverStatus() {
    assertThat(
            PreflightChecks.hasContainerdStore(
                List.of(List.of("driver-type", "io.containerd.snapshotter.v1"))))
        .isTrue();
    assertThat(
            PreflightChecks.hasContainerdStore(
                List.of(
                    List.of("Backing Filesystem", "extfs"), List.of("Supports d_type", "true"))))
        .isFalse();
    assertThat(PreflightChecks.hasContainerdStore(null)).isFalse();
  }

  @Test
  void missingPlatformsTreatArm64V8AsArm64() {
    List<String> offered = List.of("linux/amd64", "linux/amd64/v2", "linux/arm64/v8");

    assertThat(
            PreflightChecks.missingPlatforms(
                List.of("linux/amd64", "linux/arm64", "linux/s390x"), offered))
        .containsExactly("linux/s390x");
  }

  @Test
  void apiMustBeDocker24OrLater() {
    assertThat(PreflightChecks.atLeastMinimumApi("1.45")).isTrue();
    assertThat(PreflightChecks.atLeastMinimumApi("1.43")).isTrue();
    assertThat(PreflightChecks.atLeastMinimumApi("2.0")).isTrue();
    assertThat(PreflightChecks.atLeastMinimumApi("1.41")).isFalse();
    assertThat(PreflightChecks.atLeastMinimumApi("garbage")).isFalse();
    assertThat(PreflightChecks.atLeastMinimumApi(null)).isFalse();

    EnvironmentException e =
        catchThrowableOfType(EnvironmentException.class, () -> PreflightChecks.requireApi("1.41"));
    assertThat(e.getMessage()).contains("1.41", "1.43");
    assertThat(e.remedy()).contains("make engine");
  }

  @Test
  void everythingPresentPasses() {
    assertThatCode(
            () -> PreflightChecks.requireFeatures(true, BuildxProbe.Result.found(BOTH), BOTH))
        .doesNotThrowAnyException();
  }

  @Test
  void withoutContainerdStoreTheRemedyNamesDaemonJson() {
    EnvironmentException e =
        catchThrowableOfType(
            EnvironmentException.class,
            () -> PreflightChecks.requireFeatures(false, BuildxProbe.Result.found(BOTH), BOTH));

    assertThat(e.getMessage()).contains("containerd image store", "multi-platform --load");
    assertThat(e.remedy())
        .contains(
            "{\"features\":{\"containerd-snapshotter\":true}}",
            "/etc/docker/daemon.json",
            "make engine");
  }

  @Test
  void missingArm64PointsAtQemu() {
    EnvironmentException e =
        catchThrowableOfType(
            EnvironmentException.class,
            () -> PreflightChecks.requireFeatures(true, AMD64_ONLY, BOTH));

    assertThat(e.getMessage()).contains("lacks linux/arm64", "offers linux/amd64, linux/amd64/v2");
    assertThat(e.remedy()).contains("QEMU", "make engine");
  }

  @Test
  void missingBuildxIsReported() {
    EnvironmentException e =
        catchThrowableOfType(
            EnvironmentException.class,
            () ->
                PreflightChecks.requireFeatures(
                    true,
                    BuildxProbe.Result.failed("docker: 'buildx' is not a docker command."),
                    BOTH));

    assertThat(e.getMessage()).contains("buildx is not available", "not a docker command");
    assertThat(e.remedy()).contains("buildx plugin", "make engine");
  }

  @Test
  void allProblemsAreReportedTogether() {
    EnvironmentException e =
        catchThrowableOfType(
            EnvironmentException.class,
            () -> PreflightChecks.requireFeatures(false, AMD64_ONLY, BOTH));

    assertThat(e.getMessage()).contains("containerd image store", "lacks linux/arm64");
    assertThat(e.remedy()).contains("daemon.json", "QEMU");
  }
}
