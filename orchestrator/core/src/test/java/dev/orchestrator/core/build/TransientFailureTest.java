package dev.orchestrator.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.process.ProcessResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransientFailureTest {
  private static ProcessResult failed(String... lines) {
    return new ProcessResult(List.of("docker"), 1, List.of(lines), Duration.ZERO);
  }

  @Test
  void aServerErrorOrRateLimitFromTheRegistryIsOne() {
    assertThat(
            TransientFailure.in(
                failed(
                    "#12 exporting to image",
                    "ERROR: unexpected status from HEAD request to"
                        + " http://127.0.0.1:43189/v2/e2e/app/manifests/latest: 500 Internal Server"
                        + " Error")))
        .contains(
            "the registry answered unexpected status from HEAD request to"
                + " http://127.0.0.1:43189/v2/e2e/app/manifests/latest: 500 Internal Server Error");
    assertThat(
            TransientFailure.in(
                failed("ERROR: failed to push: unexpected status code 503 Service Unavailable")))
        .isPresent();
    assertThat(
            TransientFailure.in(
                failed(
                    "unexpected status from PUT request to https://r/v2/a/blobs/x: 429 Too Many")))
        .isPresent();
  }

  @Test
  void theEngineLosingASnapshotWhileUnpackingIsOne() {
    // As a full test run saw it: bake's last line for a target whose image was being unpacked.
    assertThat(
            TransientFailure.in(
                failed(
                    "#16 [base] exporting to image",
                    "ERROR: target base: failed to prepare extraction snapshot \"extract-534982950"
                        + "-MQye sha256:82224972ce69fa2ae6db55f95c3de57d4dc10cdf3991e14a0df687921a494"
                        + "579\": parent snapshot sha256:1a2b46046a31922f678ebd9da748de7cc7aa62cd4622"
                        + "34adc70a115731aa297f does not exist: not found")))
        .contains(
            "the engine lost snapshot"
                + " sha256:1a2b46046a31922f678ebd9da748de7cc7aa62cd462234adc70a115731aa297f while"
                + " unpacking the image (moby/buildkit#6521)");
  }

  @Test
  void ranOnceMoreAfterOneAndTheSecondResultStands() {
    java.util.Iterator<ProcessResult> results =
        List.of(
                failed("ERROR: failed to push: unexpected status code 503 Service Unavailable"),
                failed("ERROR: failed to push: unexpected status code 503 Service Unavailable"))
            .iterator();
    List<String> told = new java.util.ArrayList<>();
    ProcessResult last = TransientFailure.runOnceMoreIfNeeded(results::next, told::add);
    assertThat(results.hasNext()).isFalse();
    assertThat(last.succeeded()).isFalse();
    assertThat(told)
        .containsExactly(
            "the registry answered unexpected status code 503 Service Unavailable: once more");
  }

  @Test
  void whatRetryingCannotMendIsNot() {
    assertThat(
            TransientFailure.in(
                failed(
                    "ERROR: unexpected status from HEAD request to https://r/v2/a/manifests/l: 401"
                        + " Unauthorized")))
        .isEmpty();
    assertThat(TransientFailure.in(failed("ERROR: process \"/bin/sh -c false\" exit code: 500")))
        .isEmpty();
    assertThat(
            TransientFailure.in(
                failed("ERROR: process \"/bin/sh -c test -e /x\": parent snapshot missing")))
        .isEmpty();
    assertThat(
            TransientFailure.in(
                new ProcessResult(
                    List.of("docker"),
                    0,
                    List.of("unexpected status code 500 (retried by buildx)"),
                    Duration.ZERO)))
        .isEmpty();
  }
}
