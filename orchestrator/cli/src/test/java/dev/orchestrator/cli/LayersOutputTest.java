package dev.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.core.layers.HistoryEntry;
import dev.orchestrator.core.layers.LayerBlob;
import dev.orchestrator.core.layers.LayerCache;
import dev.orchestrator.core.layers.LayerTable;
import dev.orchestrator.core.layers.PlatformImage;
import dev.orchestrator.core.layers.StepRecord;
import dev.orchestrator.core.report.LayersText;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LayersOutputTest {
  static final String GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";

  static final LayerTable TABLE =
      LayerTable.of(
          "app",
          "monorepo/app:latest",
          new PlatformImage(
              "linux/amd64",
              "sha256:m1",
              List.of(
                  new LayerBlob("sha256:l1", GZIP, 1_000_000, 2_500_000),
                  new LayerBlob("sha256:l2", GZIP, 1_234, 5_120)),
              List.of(
                  new HistoryEntry("ADD rootfs-amd64.tar / # buildkit", false),
                  new HistoryEntry("ENV A=1", true),
                  new HistoryEntry(
                      "RUN |1 TARGETARCH=amd64 /bin/sh -c echo | tee /x # buildkit", false))),
          Optional.of(
              new StepRecord(
                  "sha256:m1",
                  true,
                  List.of(new StepRecord.Step("RUN echo | tee /x", LayerCache.CACHED)))));

  @Test
  void jsonHasEveryLayerWithExactBytesAndThePlatformsSums() throws Exception {
    JsonNode json = new ObjectMapper().readTree(Json.write(LayersJson.of("app", List.of(TABLE))));

    assertThat(json.path("service").asText()).isEqualTo("app");
    JsonNode platform = json.path("platforms").get(0);
    assertThat(platform.path("platform").asText()).isEqualTo("linux/amd64");
    assertThat(platform.path("manifest").asText()).isEqualTo("sha256:m1");
    assertThat(platform.path("compressedBytes").asLong()).isEqualTo(1_001_234);
    assertThat(platform.path("uncompressedBytes").asLong()).isEqualTo(2_505_120);
    assertThat(platform.path("cacheUnknownBecause").isNull()).isTrue();
    JsonNode second = platform.path("layers").get(1);
    assertThat(second.path("index").asInt()).isEqualTo(2);
    assertThat(second.path("instruction").asText())
        .isEqualTo("RUN |1 TARGETARCH=amd64 /bin/sh -c echo | tee /x");
    assertThat(second.path("createdBy").asText()).endsWith("# buildkit");
    assertThat(second.path("digest").asText()).isEqualTo("sha256:l2");
    assertThat(second.path("compressedBytes").asLong()).isEqualTo(1_234);
    assertThat(second.path("uncompressedBytes").asLong()).isEqualTo(5_120);
    assertThat(second.path("cache").asText()).isEqualTo("cached");
    assertThat(platform.path("layers").get(0).path("cache").asText()).isEqualTo("base");
  }

  @Test
  void textHasARowPerLayerAndTheTotalsInBytes() {
    String text = LayersText.render(List.of(TABLE));

    assertThat(text)
        .startsWith("app linux/amd64  monorepo/app:latest  sha256:m1\n")
        .containsPattern("\\n\\s+1  ADD rootfs-amd64.tar /\\s+1\\.0 MB\\s+2\\.5 MB  base\\n")
        .containsPattern("\\n\\s+2  RUN \\|1 TARGETARCH=amd64 .*  cached\\n")
        .contains("total (1001234 / 2505120 bytes)")
        .doesNotContain("cache unknown");
  }

  @Test
  void markdownEscapesPipesAndSaysWhyTheCacheIsUnknown() {
    LayerTable unknown =
        LayerTable.of(
            "app",
            "monorepo/app:latest",
            new PlatformImage(
                "linux/amd64",
                "sha256:m2",
                List.of(new LayerBlob("sha256:l2", GZIP, 1_234, 5_120)),
                List.of(new HistoryEntry("RUN /bin/sh -c a | b # buildkit", false))),
            Optional.empty());

    String markdown = LayersText.markdown(List.of(unknown));

    assertThat(markdown)
        .contains("#### app linux/amd64 layers")
        .contains("| 1 | `RUN /bin/sh -c a \\| b` | 1.2 kB | 5.1 kB | unknown |")
        .contains("cache unknown: no build of this platform recorded here");
  }
}
