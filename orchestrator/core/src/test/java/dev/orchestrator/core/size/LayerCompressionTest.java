package dev.orchestrator.core.size;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class LayerCompressionTest {
  @Test
  void readsTheCompressionFromOciAndDockerMediaTypes() {
    assertThat(LayerCompression.of("application/vnd.oci.image.layer.v1.tar+gzip"))
        .contains(LayerCompression.GZIP);
    assertThat(LayerCompression.of("application/vnd.docker.image.rootfs.diff.tar.gzip"))
        .contains(LayerCompression.GZIP);
    assertThat(LayerCompression.of("application/vnd.oci.image.layer.v1.tar+zstd"))
        .contains(LayerCompression.ZSTD);
    assertThat(LayerCompression.of("application/vnd.oci.image.layer.v1.tar"))
        .contains(LayerCompression.NONE);
    assertThat(LayerCompression.of("application/vnd.oci.image.layer.v1.tar+bzip2")).isEmpty();
    assertThat(LayerCompression.of("application/vnd.in-toto+json")).isEmpty();
  }

  /**
   * A layer BuildKit wrote with {@code compression=zstd} (a 300 KiB file of zeros, pushed by the
   * engine's buildx): its frame header carries no content size, so only decoding gives the size.
   * 310,784 bytes is what {@code zstd -dc | wc -c} counts.
   */
  @Test
  void decodesALayerBuildKitCompressedWithZstd() throws IOException {
    try (InputStream layer = getClass().getResourceAsStream("buildkit-layer.tar.zst")) {
      byte[] blob = layer.readAllBytes();
      assertThat(blob[4] & 0xC0).as("frame content size flag").isZero();
      assertThat(LayerCompression.ZSTD.uncompressedSize(new ByteArrayInputStream(blob)))
          .isEqualTo(310_784);
    }
  }

  @Test
  void countsAGzipLayersInflatedBytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(new byte[123_456]);
    }
    assertThat(LayerCompression.GZIP.uncompressedSize(new ByteArrayInputStream(out.toByteArray())))
        .isEqualTo(123_456);
  }

  @Test
  void anUncompressedLayerIsItsOwnSize() throws IOException {
    assertThat(LayerCompression.NONE.uncompressedSize(new ByteArrayInputStream(new byte[777])))
        .isEqualTo(777);
  }
}
