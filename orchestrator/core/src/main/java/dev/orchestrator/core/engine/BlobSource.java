package dev.orchestrator.core.engine;

import java.io.IOException;
import java.io.InputStream;

/**
 * OCI blobs by their path in an image layout ({@code blobs/<algorithm>/<hex>}, or {@code
 * index.json}): what {@link OciLayoutSizes} reads an image from.
 */
interface BlobSource {
  /** The blob's size in bytes, or -1 when it is not there. */
  long size(String path) throws IOException;

  /** The blob's content, streamed. */
  InputStream open(String path) throws IOException;

  /** A small blob (a manifest, index or config) whole. */
  byte[] readAll(String path) throws IOException;

  /** The blob's last {@code n} bytes, or none when it is shorter; nothing before them is read. */
  byte[] lastBytes(String path, int n) throws IOException;
}
