package dev.orchestrator.core.size;

import java.util.OptionalLong;

/**
 * The uncompressed size of a gzip layer from its last four bytes (ISIZE, RFC 1952: the input size
 * modulo 2^32, little-endian), without inflating it. That is the exact size only when the size
 * cannot have wrapped past 2^32: deflate expands at most 1032:1, so a blob of at most {@value
 * #EXACT_UP_TO} bytes holds less than 4 GiB. Larger blobs are read in full by the caller. A layer
 * blob is one gzip member (BuildKit, containerd and the docker CLI all write one), so the trailer
 * is that of the whole stream.
 */
public final class GzipTrailer {
  /** floor((2^32 - 1) / 1032): the largest blob whose ISIZE cannot have wrapped. */
  public static final long EXACT_UP_TO = 4_161_789L;

  private GzipTrailer() {}

  /**
   * @param compressedBytes the blob's size
   * @param lastBytes at least the blob's last four bytes (more are ignored from the front)
   * @return the uncompressed size, or empty when the trailer alone cannot prove it
   */
  public static OptionalLong uncompressedSize(long compressedBytes, byte[] lastBytes) {
    if (compressedBytes > EXACT_UP_TO || compressedBytes < 18 || lastBytes.length < 4) {
      return OptionalLong.empty();
    }
    int n = lastBytes.length;
    long isize =
        (lastBytes[n - 4] & 0xFFL)
            | (lastBytes[n - 3] & 0xFFL) << 8
            | (lastBytes[n - 2] & 0xFFL) << 16
            | (lastBytes[n - 1] & 0xFFL) << 24;
    return OptionalLong.of(isize);
  }
}
