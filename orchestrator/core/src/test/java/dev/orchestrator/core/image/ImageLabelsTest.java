package dev.orchestrator.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.orchestrator.core.image.ImageLabels.Provenance;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageLabelsTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final Provenance FULL =
      new Provenance(
          Optional.of(SHA),
          Optional.of("https://github.com/acme/shop"),
          Optional.of("2023-11-14T22:13:20Z"),
          Optional.of("1.4.2"));

  @Test
  void everyImageGetsItsTitleAndWhatIsKnownOfItsSourcesInOrder() {
    assertThat(ImageLabels.of("billing", FULL, Set.of()))
        .containsExactly(
            entry("org.opencontainers.image.title", "billing"),
            entry("org.opencontainers.image.revision", SHA),
            entry("org.opencontainers.image.source", "https://github.com/acme/shop"),
            entry("org.opencontainers.image.created", "2023-11-14T22:13:20Z"),
            entry("org.opencontainers.image.version", "1.4.2"));
    assertThat(ImageLabels.of("billing", Provenance.NONE, Set.of()))
        .containsExactly(entry("org.opencontainers.image.title", "billing"));
  }

  @Test
  void whatTheServiceSetsItselfIsLeftToIt() {
    assertThat(
            ImageLabels.of(
                "billing",
                FULL,
                Set.of("org.opencontainers.image.title", "org.opencontainers.image.version")))
        .containsOnlyKeys(
            "org.opencontainers.image.revision",
            "org.opencontainers.image.source",
            "org.opencontainers.image.created");
  }

  @Test
  void aRemoteLosesItsCredentialsAndBecomesAWebAddress() {
    assertThat(ImageLabels.sourceUrl("https://x-access-token:ghp_secret@github.com/acme/shop.git"))
        .contains("https://github.com/acme/shop");
    assertThat(ImageLabels.sourceUrl("https://oauth2@gitlab.example.com:8443/acme/shop"))
        .contains("https://gitlab.example.com:8443/acme/shop");
    assertThat(ImageLabels.sourceUrl("git@github.com:acme/shop.git"))
        .contains("https://github.com/acme/shop");
    assertThat(ImageLabels.sourceUrl("ssh://git@github.com:22/acme/shop.git"))
        .contains("https://github.com/acme/shop");
    assertThat(ImageLabels.sourceUrl("https://github.com/acme/shop?token=x#frag"))
        .contains("https://github.com/acme/shop");
  }

  @Test
  void aLocalRemoteIsNoSource() {
    assertThat(ImageLabels.sourceUrl("/srv/git/shop.git")).isEmpty();
    assertThat(ImageLabels.sourceUrl("file:///srv/git/shop.git")).isEmpty();
    assertThat(ImageLabels.sourceUrl("../shop")).isEmpty();
    assertThat(ImageLabels.sourceUrl("")).isEmpty();
  }
}
