package dev.orchestrator.core.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildIndexTest {
  @TempDir Path dir;

  private void record(BuildIndex index, String service, String imageHash, long size) {
    index.record(
        service,
        "linux/amd64",
        "in-" + imageHash,
        imageHash,
        "ns/" + service + ":latest",
        OptionalLong.of(size),
        OptionalLong.of(size / 2));
  }

  @Test
  void entriesAreWrittenWhenSavedAndReadBack() {
    Path file = dir.resolve("index.tsv");
    BuildIndex index = BuildIndex.load(file);
    record(index, "api", "h1", 1000);
    record(index, "web", "h2", 2000);

    assertThat(file).doesNotExist();
    index.save();

    BuildIndex read = BuildIndex.load(file);
    assertThat(read.find("api", "linux/amd64", "h1"))
        .hasValueSatisfying(e -> assertThat(e.uncompressedBytes()).isEqualTo(1000));
    assertThat(read.find("web", "linux/amd64", "h2"))
        .hasValueSatisfying(e -> assertThat(e.compressedBytes()).isEqualTo(1000));
    assertThat(read.find("api", "linux/arm64", "h1")).isEmpty();
  }

  @Test
  void theNewestEntriesOfEachServiceStay() {
    Path file = dir.resolve("index.tsv");
    BuildIndex index = BuildIndex.load(file);
    for (int i = 0; i < BuildIndex.KEEP + 2; i++) {
      record(index, "api", "h" + i, i);
    }
    record(index, "api", "h3", 333); // the same image hash again: replaced, not added
    index.save();

    BuildIndex read = BuildIndex.load(file);
    assertThat(read.find("api", "linux/amd64", "h0")).isEmpty();
    assertThat(read.find("api", "linux/amd64", "h1")).isEmpty();
    assertThat(read.find("api", "linux/amd64", "h3"))
        .hasValueSatisfying(e -> assertThat(e.uncompressedBytes()).isEqualTo(333));
    assertThat(read.latest("api", "linux/amd64"))
        .hasValueSatisfying(e -> assertThat(e.imageHash()).isEqualTo("h3"));
  }
}
