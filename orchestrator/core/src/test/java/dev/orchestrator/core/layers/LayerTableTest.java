package dev.orchestrator.core.layers;

import static dev.orchestrator.core.layers.ImageLayersTest.blob;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LayerTableTest {

  /** The multi-stage image of {@link StepRecordsTest}: two base layers, then the final stage's. */
  static PlatformImage multiStageImage(String manifest) {
    return new PlatformImage(
        "linux/amd64",
        manifest,
        List.of(blob(1), blob(2), blob(3), blob(4)),
        List.of(
            new HistoryEntry("ADD rootfs.tar / # buildkit", false),
            new HistoryEntry("RUN /bin/sh -c adduser app # buildkit", false),
            new HistoryEntry("USER app", true),
            new HistoryEntry("ENV MODE=prod", true),
            new HistoryEntry("COPY /out /app # buildkit", false),
            new HistoryEntry("RUN /bin/sh -c chmod 755 /app # buildkit", false),
            new HistoryEntry("CMD [\"/app\"]", true)));
  }

  static final StepRecord RECORD =
      new StepRecord(
          "sha256:m",
          true,
          List.of(
              new StepRecord.Step("COPY --from=build /out /app", LayerCache.CACHED),
              new StepRecord.Step("RUN chmod 755 /app", LayerCache.BUILT)));

  @Test
  void theBasesLayersComeFirstThenEachRecordedStepsLayerWithItsCacheUse() {
    LayerTable table =
        LayerTable.of("app", "ns/app:latest", multiStageImage("sha256:m"), Optional.of(RECORD));

    assertThat(table.rows())
        .extracting(LayerRow::cache)
        .containsExactly(LayerCache.BASE, LayerCache.BASE, LayerCache.CACHED, LayerCache.BUILT);
    assertThat(table.rows().get(2).layer().instructionText()).isEqualTo("COPY /out /app");
    assertThat(table.unknownBecause()).isEmpty();
    assertThat(table.sizes().compressedBytes()).isEqualTo(100 + 200 + 300 + 400);
    assertThat(table.sizes().uncompressedBytes()).isEqualTo(10_000);
  }

  @Test
  void withoutARecordEveryLayerIsUnknownNeverGuessed() {
    LayerTable table =
        LayerTable.of("app", "ns/app:latest", multiStageImage("sha256:m"), Optional.empty());

    assertThat(table.rows()).extracting(LayerRow::cache).containsOnly(LayerCache.UNKNOWN);
    assertThat(table.unknownBecause()).hasValueSatisfying(w -> assertThat(w).contains("no build"));
  }

  @Test
  void aRecordOfAnotherManifestIsNotApplied() {
    LayerTable table =
        LayerTable.of("app", "ns/app:latest", multiStageImage("sha256:other"), Optional.of(RECORD));

    assertThat(table.rows()).extracting(LayerRow::cache).containsOnly(LayerCache.UNKNOWN);
    assertThat(table.unknownBecause().orElseThrow()).contains("sha256:m", "not this image");
  }

  @Test
  void aRecordWhoseStepsDoNotMatchTheLayersKindsIsNotApplied() {
    StepRecord swapped =
        new StepRecord(
            "sha256:m",
            true,
            List.of(
                new StepRecord.Step("RUN chmod 755 /app", LayerCache.BUILT),
                new StepRecord.Step("COPY --from=build /out /app", LayerCache.CACHED)));

    LayerTable table =
        LayerTable.of("app", "ns/app:latest", multiStageImage("sha256:m"), Optional.of(swapped));

    assertThat(table.rows()).extracting(LayerRow::cache).containsOnly(LayerCache.UNKNOWN);
    assertThat(table.unknownBecause().orElseThrow()).contains("layer 3 was made by COPY");
  }

  @Test
  void anImageFromScratchHasNoBaseLayersSoACountThatLeavesSomeIsNotApplied() {
    StepRecord fromScratch = new StepRecord("sha256:m", false, RECORD.steps());

    LayerTable table =
        LayerTable.of(
            "app", "ns/app:latest", multiStageImage("sha256:m"), Optional.of(fromScratch));

    assertThat(table.rows()).extracting(LayerRow::cache).containsOnly(LayerCache.UNKNOWN);
    assertThat(table.unknownBecause().orElseThrow())
        .contains("2 layer steps", "4 layers", "no base");
  }
}
