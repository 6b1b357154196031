package dev.orchestrator.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestrator.core.config.DigestsFile;
import dev.orchestrator.core.error.EnvironmentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A digests file that cannot be written names the file, why, and the option that moves it. */
class DigestsOutputTest {
  @TempDir Path dir;

  private static DigestsFile digests(Path file) {
    return new DigestsFile(
        file,
        Map.of(
            "base",
            new DigestsFile.Images(
                "127.0.0.1:5000/monorepo/base",
                Map.of("linux/amd64", "sha256:" + "a".repeat(64)),
                0)));
  }

  @Test
  void aFolderWhereTheFileShouldBe() throws Exception {
    Path file = Files.createDirectories(dir.resolve("digests-amd64.json"));

    EnvironmentException e =
        catchThrowableOfType(EnvironmentException.class, () -> DigestsOutput.write(digests(file)));

    assertThat(e).hasMessage("cannot write the digests file " + file + ": is a directory");
    assertThat(e.remedy())
        .startsWith(file + " is a folder where a file is expected")
        .contains("--digests-file", "orchestrator.digestsFile");
  }

  @Test
  void aFileWhereItsFolderShouldBe() throws Exception {
    Files.writeString(dir.resolve("out"), "not a folder\n");
    Path file = dir.resolve("out/digests-amd64.json");

    EnvironmentException e =
        catchThrowableOfType(EnvironmentException.class, () -> DigestsOutput.write(digests(file)));

    assertThat(e.getMessage()).startsWith("cannot write the digests file " + file + ": ");
    assertThat(e.remedy()).contains(dir.resolve("out").toString());
  }
}
