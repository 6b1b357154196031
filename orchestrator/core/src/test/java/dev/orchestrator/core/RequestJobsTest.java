package dev.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The front ends check {@code jobs} with their own words; a negative count that still reaches a
 * request is refused rather than quietly read as "the profile's".
 */
class RequestJobsTest {
  private static final Path ROOT = Path.of("/repo");

  @Test
  void zeroMeansTheProfilesAndAPositiveCountIsKept() {
    assertThat(BuildRequest.builder(ROOT).build().jobs()).isZero();
    assertThat(BuildRequest.builder(ROOT).jobs(3).build().jobs()).isEqualTo(3);
    assertThat(new VerifyRequest(ROOT, Optional.empty(), List.of(), List.of(), 2).jobs())
        .isEqualTo(2);
  }

  @Test
  void aNegativeCountIsRefused() {
    assertThatThrownBy(() -> BuildRequest.builder(ROOT).jobs(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jobs must be at least 1");
    assertThatThrownBy(() -> new VerifyRequest(ROOT, Optional.empty(), List.of(), List.of(), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
