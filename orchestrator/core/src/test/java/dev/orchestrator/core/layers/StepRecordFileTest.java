package dev.orchestrator.core.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepRecordFileTest {
  @TempDir Path dir;

  @Test
  void aBuildReplacesThePlatformsItBuiltAndKeepsTheOthers() {
    Path file = dir.resolve("layers/app.json");
    StepRecord amd =
        new StepRecord("sha256:a", true, List.of(new StepRecord.Step("RUN x", LayerCache.BUILT)));
    StepRecord arm =
        new StepRecord(
            "sha256:b", false, List.of(new StepRecord.Step("COPY y /y", LayerCache.CACHED)));
    StepRecord amdAgain =
        new StepRecord("sha256:c", true, List.of(new StepRecord.Step("RUN x", LayerCache.CACHED)));

    StepRecordFile.write(file, Map.of("linux/amd64", amd, "linux/arm64", arm));
    StepRecordFile.write(file, Map.of("linux/amd64", amdAgain));

    assertThat(StepRecordFile.read(file))
        .containsExactly(Map.entry("linux/amd64", amdAgain), Map.entry("linux/arm64", arm));
  }

  @Test
  void aMissingOrDamagedFileIsNoRecord() throws IOException {
    assertThat(StepRecordFile.read(dir.resolve("none.json"))).isEmpty();
    Path damaged =
        Files.writeString(
            dir.resolve("damaged.json"),
            "{\"platforms\": {\"linux/amd64\": {\"steps\": [{\"cache\": \"maybe\"}]}}}");
    assertThat(StepRecordFile.read(damaged)).isEmpty();
  }
}
