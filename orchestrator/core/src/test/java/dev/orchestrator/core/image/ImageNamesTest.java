package dev.orchestrator.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageNamesTest {

  @Test
  void aServiceIsNamedNamespaceSlashServiceUnderTheRegistry() {
    ImageNames names = new ImageNames(Optional.of("127.0.0.1:5000"), "monorepo", "latest");

    assertThat(names.reference("api")).isEqualTo("127.0.0.1:5000/monorepo/api:latest");
  }

  @Test
  void aPathFromTheBuildDefinitionReplacesNamespaceAndServiceButKeepsRegistryAndTag() {
    ImageNames names =
        new ImageNames(
            Optional.of("127.0.0.1:5000"),
            "monorepo",
            "ci",
            Map.of("config", "org/project-config"));

    assertThat(names.reference("config")).isEqualTo("127.0.0.1:5000/org/project-config:ci");
    assertThat(names.reference("other")).isEqualTo("127.0.0.1:5000/monorepo/other:ci");
    assertThat(new ImageNames(Optional.empty(), "", "latest", Map.of("a", "org/a")).reference("a"))
        .isEqualTo("org/a:latest");
  }

  @Test
  void theRepositoryPathOfAnImageNameLeavesOutRegistryTagAndDigest() {
    assertThat(ImageNames.pathOf("org/project-config")).isEqualTo("org/project-config");
    assertThat(ImageNames.pathOf("org/api:1.0")).isEqualTo("org/api");
    assertThat(ImageNames.pathOf("ghcr.io/org/api:1.0")).isEqualTo("org/api");
    assertThat(ImageNames.pathOf("localhost:5000/api@sha256:" + "a".repeat(64))).isEqualTo("api");
    assertThat(ImageNames.pathOf("localhost/team/api")).isEqualTo("team/api");
    assertThat(ImageNames.pathOf("leeroy-web")).isEqualTo("leeroy-web");
  }
}
