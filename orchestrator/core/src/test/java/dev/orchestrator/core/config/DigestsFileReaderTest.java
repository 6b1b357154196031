package dev.orchestrator.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.core.error.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsFileReaderTest {
  private static final String A = "sha256:" + "a".repeat(64);
  @TempDir Path dir;

  @Test
  void whatTheBuildWritesTheMergeReadsBack() throws Exception {
    Path file = dir.resolve("digests-amd64.json");
    DigestsFile written =
        new DigestsFile(
            file,
            Map.of(
                "base",
                new DigestsFile.Images("127.0.0.1:5000/mono/base", Map.of("linux/amd64", A), 0)));
    Files.writeString(file, written.toJson());

    DigestsFile read = DigestsFileReader.read(file);

    assertThat(read.services()).containsOnlyKeys("base");
    assertThat(read.services().get("base").repository()).isEqualTo("127.0.0.1:5000/mono/base");
    assertThat(read.services().get("base").digests()).containsExactly(Map.entry("linux/amd64", A));
    assertThat(read.services().get("base").line()).isEqualTo(4);
  }

  @Test
  void aBadDigestAndAMissingRepositoryAreReportedWithTheirLines() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("d.json"),
            """
        {"services": {
          "base": {"repository": "r:5000/m/base",
                   "digests": {"linux/amd64": "sha256:abc"}},
          "mid": {"digests": {}}
        }}
        """);

    assertThatThrownBy(() -> DigestsFileReader.read(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            file
                + ":3: 'services.base.digests.linux/amd64': 'sha256:abc' is not"
                + " a digest such as sha256:<64 hex digits>")
        .hasMessageContaining(file + ":4: 'services.mid.repository' is missing");
  }

  @Test
  void somethingElseIsNotADigestsFile() throws Exception {
    Path file = Files.writeString(dir.resolve("d.json"), "[1, 2]");

    assertThatThrownBy(() -> DigestsFileReader.read(file))
        .hasMessageContaining(file + ": is not a digests file: 'services' is missing");
  }

  @Test
  void brokenJsonNamesTheLine() throws Exception {
    Path file = Files.writeString(dir.resolve("d.json"), "{\"services\": {\n\"base\": [\n}");

    assertThatThrownBy(() -> DigestsFileReader.read(file)).hasMessageContaining(file + ":3:");
  }

  @Test
  void everyFileIsCheckedBeforeFailing() throws Exception {
    Path one = Files.writeString(dir.resolve("one.json"), "{}");
    Path two = Files.writeString(dir.resolve("two.json"), "{}");

    assertThatThrownBy(() -> DigestsFileReader.readAll(List.of(one, two)))
        .hasMessageContaining(one.toString())
        .hasMessageContaining(two.toString());
  }
}
