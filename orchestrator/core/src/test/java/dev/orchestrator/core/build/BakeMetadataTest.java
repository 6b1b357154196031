package dev.orchestrator.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BakeMetadataTest {

  /** The file bake 0.13.1 wrote here for a base and its dependent pushed in one session. */
  private static Path recorded() throws URISyntaxException {
    return Path.of(BakeMetadataTest.class.getResource("/build/bake-push-metadata.json").toURI());
  }

  @Test
  void eachServiceGetsTheDigestOfItsOwnTarget() throws Exception {
    Map<String, String> digests =
        BakeMetadata.digests(
            recorded(), Map.of("base", "base", "my.dep", "dep", "missing", "missing"));

    assertThat(digests)
        .containsOnly(
            Map.entry(
                "base", "sha256:4b303476b0160da945c04e277bfbc9011c4128b3251bc95f988af86eaf25b366"),
            Map.entry(
                "my.dep",
                "sha256:8cb357bd55cb054236cdf81a744e096377a08737ac0982b77cafe9cb04442101"));
  }

  @Test
  void noFileMeansNoDigests(@TempDir Path dir) {
    assertThat(BakeMetadata.digests(dir.resolve("absent.json"), Map.of("base", "base"))).isEmpty();
  }
}
