package dev.orchestrator.core.uptodate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionTest {
  private static final Lookup FOUND =
      Lookup.found("image r:hash-1 (registry)", Optional.of("sha256:d"));
  private static final Lookup MISSING = Lookup.missing("registry: no r:hash-1 (answered 404)");

  @Test
  void foundIsUpToDateWithWhereAndDigest() {
    assertThat(Decision.of(true, false, Optional.of(FOUND)))
        .isEqualTo(new Decision.UpToDate("image r:hash-1 (registry)", Optional.of("sha256:d")));
  }

  @Test
  void missingBuildsSayingWhereItLooked() {
    assertThat(Decision.of(true, false, Optional.of(MISSING)))
        .isEqualTo(new Decision.Build("registry: no r:hash-1 (answered 404)"));
  }

  @Test
  void forceAndNoHashAndNowhereToLookBuild() {
    assertThat(Decision.of(true, true, Optional.of(FOUND))).isInstanceOf(Decision.Build.class);
    assertThat(Decision.of(false, false, Optional.of(FOUND)).reason()).contains("no input hash");
    assertThat(Decision.of(true, false, Optional.empty()).reason()).contains("nowhere to look");
  }

  @Test
  void hashTagsArePerArchitectureForPushByDigest() {
    String hash = "0123456789abcdef".repeat(4);
    assertThat(HashTag.of("r/ns/api", hash)).isEqualTo("r/ns/api:hash-0123456789ab");
    assertThat(HashTag.of("r/ns/api", hash, "arm64")).isEqualTo("r/ns/api:hash-0123456789ab-arm64");
  }
}
