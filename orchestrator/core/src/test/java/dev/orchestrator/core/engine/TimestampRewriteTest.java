package dev.orchestrator.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimestampRewriteTest {

  @Test
  void theDockerDriverNeverRewritesWhateverBuildKitItReports() {
    assertThat(TimestampRewrite.of("docker", "v0.13.2").supported()).isFalse();
    assertThat(TimestampRewrite.of("docker", "v0.0.0+unknown").reason())
        .contains("refuses rewrite-timestamp with unpack");
  }

  @Test
  void anotherDriverRewritesFromBuildKit013() {
    assertThat(TimestampRewrite.of("docker-container", "v0.13.1").supported()).isTrue();
    assertThat(TimestampRewrite.of("remote", "v0.20.0").supported()).isTrue();
    assertThat(TimestampRewrite.of("docker-container", "v1.0.0").supported()).isTrue();
    assertThat(TimestampRewrite.of("docker-container", "v0.12.5").supported()).isFalse();
    assertThat(TimestampRewrite.of("docker-container", "v0.12.5").reason())
        .isEqualTo("BuildKit v0.12.5 is older than 0.13");
  }

  @Test
  void anUnknownVersionIsNotAssumedToRewrite() {
    assertThat(TimestampRewrite.of("docker-container", "v0.0.0+unknown").supported()).isFalse();
    assertThat(TimestampRewrite.of("docker-container", "").supported()).isFalse();
    assertThat(TimestampRewrite.NOT_ASKED.supported()).isFalse();
  }
}
