package dev.orchestrator.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OciLabelsTest {

  @Test
  void aTitlePassesAndTheDetailListsTheOciLabelsFound() {
    CheckResult result =
        OciLabels.check(
            Map.of(
                "org.opencontainers.image.title", "agent",
                "org.opencontainers.image.source", "https://example.org/agent",
                "dev.orchestrator.verify", "run"));

    assertThat(result.status()).isEqualTo(CheckStatus.PASS);
    assertThat(result.detail()).isEqualTo("title agent; source, title");
  }

  @Test
  void otherOciLabelsWithoutATitleFailNamingWhatIsThere() {
    CheckResult result = OciLabels.check(Map.of("org.opencontainers.image.version", "1.0"));

    assertThat(result.failed()).isTrue();
    assertThat(result.detail()).isEqualTo("no org.opencontainers.image.title (has version)");
  }

  @Test
  void noOciLabelsAtAllFail() {
    CheckResult result = OciLabels.check(Map.of("maintainer", "me"));

    assertThat(result.failed()).isTrue();
    assertThat(result.detail()).isEqualTo("no org.opencontainers.image.* labels");
  }

  @Test
  void aBlankTitleFails() {
    assertThat(OciLabels.check(Map.of("org.opencontainers.image.title", " ")).failed()).isTrue();
  }

  @Test
  void aTitleInheritedFromTheBaseImageIsNotTheServicesOwn() {
    CheckResult result =
        OciLabels.check(
            Map.of(
                "org.opencontainers.image.title", "base-jre",
                "org.opencontainers.image.licenses", "Apache-2.0"),
            Map.of(
                "org.opencontainers.image.title", "monorepo/base-jre:latest",
                "org.opencontainers.image.licenses", "monorepo/base-jre:latest"));

    assertThat(result.failed()).isTrue();
    assertThat(result.detail())
        .isEqualTo(
            "no org.opencontainers.image.* labels of its own; its title base-jre is inherited"
                + " from monorepo/base-jre:latest");
  }

  @Test
  void anOwnTitleOverABasesOtherLabelsPassesListingOnlyItsOwn() {
    CheckResult result =
        OciLabels.check(
            Map.of(
                "org.opencontainers.image.title", "agent",
                "org.opencontainers.image.licenses", "Apache-2.0"),
            Map.of("org.opencontainers.image.licenses", "monorepo/base-jre:latest"));

    assertThat(result.status()).isEqualTo(CheckStatus.PASS);
    assertThat(result.detail()).isEqualTo("title agent; title");
  }
}
