package dev.orchestrator.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildOutputTest {

  @Test
  void theLastErrorLineOfABakeSessionIsItsReasonWhenNoMemberSaidOne() {
    assertThat(
            BuildOutput.lastError(
                List.of(
                    "#5 [app 1/1] COPY hello.txt /hello.txt",
                    "ERROR: first",
                    "#6 exporting to image",
                    "ERROR: failed to solve: failed to push 127.0.0.1:5000/app:latest: EOF ")))
        .contains("ERROR: failed to solve: failed to push 127.0.0.1:5000/app:latest: EOF");
    assertThat(BuildOutput.lastError(List.of("#1 DONE 0.0s"))).isEmpty();
  }

  @Test
  void countsCachedStepsOfAMultiPlatformBuild() {
    List<String> lines =
        List.of(
            "#1 [internal] load build definition from Dockerfile",
            "#5 [context base] monorepo/base:latest",
            "#5 CACHED",
            "#6 [linux/amd64 1/3] COPY busybox-amd64 /bin/busybox",
            "#6 CACHED",
            "#7 [2/3] RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
            "#7 CACHED",
            "#9 [linux/arm64 build 1/3] COPY busybox-arm64 /bin/busybox",
            "#10 [3/3] RUN echo base > /base.txt",
            "#10 DONE 0.1s");

    assertThat(BuildOutput.cacheUse(lines)).isEqualTo(new BuildOutput.StepCounts(2, 4));
  }

  @Test
  void aBuildWithEveryStepCachedIsAllCached() {
    List<String> lines =
        List.of("#4 [1/2] COPY a /a", "#4 CACHED", "#5 [2/2] RUN true", "#5 CACHED");

    assertThat(BuildOutput.cacheUse(lines).allCached()).isTrue();
  }

  @Test
  void aBuildWithoutStepsIsNotCalledCached() {
    assertThat(BuildOutput.cacheUse(List.of("#1 [internal] load build definition")).allCached())
        .isFalse();
  }

  @Test
  void anSbomScannerThatCouldNotBePulledIsNamedFromBuildxsErrorLine() {
    // As buildx 0.13.1 printed it here, where Docker Hub cannot be reached.
    String error =
        "ERROR: failed to solve: failed to resolve source metadata for"
            + " docker.io/docker/buildkit-syft-scanner:stable-1: failed to do request: Head"
            + " \"https://registry-1.docker.io/v2/docker/buildkit-syft-scanner/manifests/stable-1\":"
            + " dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host";
    List<String> lines =
        List.of(
            "#2 resolve image config for docker-image://docker.io/docker/buildkit-syft-scanner:stable-1",
            "#2 ERROR: failed to do request",
            error);

    assertThat(BuildOutput.scannerFailure(lines))
        .contains(
            "sbom: true needs BuildKit's SBOM scanner image docker.io/docker/buildkit-syft-scanner,"
                + " which the builder could not get ("
                + error
                + ")");
    assertThat(BuildOutput.scannerFailure(List.of("ERROR: failed to solve: exit code 1")))
        .isEmpty();
  }
}
