package dev.orchestrator.core.size;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * How a layer blob is compressed, read from its media type, and its uncompressed size by streaming
 * it through the decoder. The one place both size readers (the engine's export and the registry)
 * decode layers, so that a zstd layer is measured the same way in every output mode.
 */
public enum LayerCompression {
  NONE,
  GZIP,
  /**
   * BuildKit writes zstd layers as a stream without the frame content size, so their size is only
   * known by decoding them: a pure-Java decoder, no native library.
   */
  ZSTD;

  private static final int BUFFER = 1 << 16;

  /**
   * @return empty for a media type that is not a layer this tool can decode (an unknown or foreign
   *     compression): its size is then not measured, never guessed
   */
  public static Optional<LayerCompression> of(String mediaType) {
    if (mediaType.endsWith("+gzip") || mediaType.endsWith(".tar.gzip")) {
      return Optional.of(GZIP);
    }
    if (mediaType.endsWith("+zstd") || mediaType.endsWith(".tar.zstd")) {
      return Optional.of(ZSTD);
    }
    if (mediaType.endsWith(".tar")) {
      return Optional.of(NONE);
    }
    return Optional.empty();
  }

  /** The number of bytes the blob holds once decompressed; reads {@code blob} to its end. */
  public long uncompressedSize(InputStream blob) throws IOException {
    try (InputStream in = decoded(blob)) {
      byte[] buffer = new byte[BUFFER];
      long total = 0;
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
      }
      return total;
    }
  }

  /** The blob's bytes decompressed, streamed; closing it closes {@code blob}. */
  public InputStream decoded(InputStream blob) throws IOException {
    return switch (this) {
      case NONE -> blob;
      case GZIP -> new GZIPInputStream(blob, BUFFER);
      case ZSTD -> new ZstdInputStream(blob);
    };
  }
}
