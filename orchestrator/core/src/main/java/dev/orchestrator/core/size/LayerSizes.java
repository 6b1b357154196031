package dev.orchestrator.core.size;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uncompressed sizes of layer blobs by digest, so a layer shared by many images (a base's) is
 * measured once: by the engine's export and by the registry look-ups alike, since a blob's digest
 * names the same bytes wherever it is stored. Thread-safe.
 */
public final class LayerSizes {
  private final Map<String, Long> uncompressed = new ConcurrentHashMap<>();
  private volatile int measured;

  /** The size recorded for this digest ({@code sha256:…}), if any. */
  public OptionalLong uncompressed(String digest) {
    Long known = uncompressed.get(digest);
    return known == null ? OptionalLong.empty() : OptionalLong.of(known);
  }

  public void record(String digest, long uncompressedBytes) {
    if (uncompressed.put(digest, uncompressedBytes) == null) {
      synchronized (this) {
        measured++;
      }
    }
  }

  /** How many distinct layers were measured (each once). */
  public int measuredLayers() {
    return measured;
  }
}
