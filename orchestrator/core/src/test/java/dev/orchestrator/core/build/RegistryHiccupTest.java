package dev.orchestrator.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.core.process.ProcessResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryHiccupTest {
  private static ProcessResult failed(String... lines) {
    return new ProcessResult(List.of("docker"), 1, List.of(lines), Duration.ZERO);
  }

  @Test
  void aServerErrorOrRateLimitFromTheRegistryIsOne() {
    assertThat(
            RegistryHiccup.in(
                failed(
                    "#12 exporting to image",
                    "ERROR: unexpected status from HEAD request to"
                        + " http://127.0.0.1:43189/v2/e2e/app/manifests/latest: 500 Internal Server"
                        + " Error")))
        .contains(
            "unexpected status from HEAD request to"
                + " http://127.0.0.1:43189/v2/e2e/app/manifests/latest: 500 Internal Server Error");
    assertThat(
            RegistryHiccup.in(
                failed("ERROR: failed to push: unexpected status code 503 Service Unavailable")))
        .isPresent();
    assertThat(
            RegistryHiccup.in(
                failed(
                    "unexpected status from PUT request to https://r/v2/a/blobs/x: 429 Too Many")))
        .isPresent();
  }

  @Test
  void whatRetryingCannotMendIsNot() {
    assertThat(
            RegistryHiccup.in(
                failed(
                    "ERROR: unexpected status from HEAD request to https://r/v2/a/manifests/l: 401"
                        + " Unauthorized")))
        .isEmpty();
    assertThat(RegistryHiccup.in(failed("ERROR: process \"/bin/sh -c false\" exit code: 500")))
        .isEmpty();
    assertThat(
            RegistryHiccup.in(
                new ProcessResult(
                    List.of("docker"),
                    0,
                    List.of("unexpected status code 500 (retried by buildx)"),
                    Duration.ZERO)))
        .isEmpty();
  }
}
