package dev.orchestrator.core.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageLayersTest {
  static final String GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";

  static LayerBlob blob(int n) {
    return new LayerBlob("sha256:" + n, GZIP, 100L * n, 1000L * n);
  }

  @Test
  void nonEmptyHistoryEntriesNameTheLayersInOrderAndEmptyOnesNameNone() {
    PlatformImage image =
        new PlatformImage(
            "linux/amd64",
            "sha256:m",
            List.of(blob(1), blob(2), blob(3)),
            List.of(
                new HistoryEntry("ARG TARGETARCH", true),
                new HistoryEntry("COPY busybox-amd64 /bin/busybox # buildkit", false),
                new HistoryEntry("ENV X=1", true),
                new HistoryEntry("RUN |1 TARGETARCH=amd64 /bin/sh -c make # buildkit", false),
                new HistoryEntry("LABEL a=b", true),
                new HistoryEntry("WORKDIR /app", false),
                new HistoryEntry("CMD [\"cat\"]", true)));

    List<Layer> layers = ImageLayers.of(image);

    assertThat(layers)
        .extracting(Layer::index, Layer::instructionText, l -> l.blob().digest())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "COPY busybox-amd64 /bin/busybox", "sha256:1"),
            org.assertj.core.groups.Tuple.tuple(
                2, "RUN |1 TARGETARCH=amd64 /bin/sh -c make", "sha256:2"),
            org.assertj.core.groups.Tuple.tuple(3, "WORKDIR /app", "sha256:3"));
    assertThat(layers.get(1).instruction().orElseThrow().keyword()).isEqualTo("RUN");
    assertThat(ImageLayers.historyNamesLayers(image)).isTrue();
    assertThat(image.sizes().compressedBytes()).isEqualTo(600);
    assertThat(image.sizes().uncompressedBytes()).isEqualTo(6000);
  }

  @Test
  void aHistoryThatDoesNotCountTheLayersNamesNoLayerRatherThanAWrongOne() {
    PlatformImage squashed =
        new PlatformImage(
            "linux/amd64",
            "sha256:m",
            List.of(blob(1), blob(2)),
            List.of(new HistoryEntry("COPY . / # buildkit", false)));

    assertThat(ImageLayers.of(squashed))
        .allSatisfy(l -> assertThat(l.instruction()).isEmpty())
        .extracting(Layer::instructionText)
        .containsExactly("?", "?");
    assertThat(ImageLayers.historyNamesLayers(squashed)).isFalse();
  }
}
