package dev.orchestrator.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OCI blobs by their path in an image layout ({@code blobs/<algorithm>/<hex>}, or {@code
 * index.json}): what {@link OciLayoutSizes} reads an image from.
 */
interface BlobSource {
  Pattern DIGEST = Pattern.compile("(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})");

  /**
   * {@code blobs/<algorithm>/<hex>} for a sha256 or sha512 digest; empty for anything else, so that
   * a digest read from a manifest can never name a path outside the blobs folder.
   */
  static Optional<String> path(String digest) {
    if (digest == null || !DIGEST.matcher(digest).matches()) {
      return Optional.empty();
    }
    return Optional.of("blobs/" + digest.replace(':', '/'));
  }

  /** The blob's size in bytes, or -1 when it is not there. */
  long size(String path) throws IOException;

  /** The blob's content, streamed. */
  InputStream open(String path) throws IOException;

  /** A small blob (a manifest, index or config) whole. */
  byte[] readAll(String path) throws IOException;

  /** The blob's last {@code n} bytes, or none when it is shorter; nothing before them is read. */
  byte[] lastBytes(String path, int n) throws IOException;
}
