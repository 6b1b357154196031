package dev.orchestrator.cli;

import dev.orchestrator.core.layers.LayerRow;
import dev.orchestrator.core.layers.LayerTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code layers --format json}: {service, platforms: [{platform, image, manifest, compressedBytes,
 * uncompressedBytes, cacheUnknownBecause, layers: [{index, instruction, createdBy, digest,
 * mediaType, compressedBytes, uncompressedBytes, cache}]}]}; the platform's byte counts are the
 * sums of its layers', and cache is base, cached, built or unknown.
 */
final class LayersJson {
  private LayersJson() {}

  static Map<String, Object> of(String service, List<LayerTable> tables) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("service", service);
    json.put("platforms", tables.stream().map(LayersJson::platform).toList());
    return json;
  }

  private static Map<String, Object> platform(LayerTable t) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("platform", t.platform());
    json.put("image", t.image());
    json.put("manifest", t.manifestDigest());
    json.put("compressedBytes", t.sizes().compressedBytes());
    json.put("uncompressedBytes", t.sizes().uncompressedBytes());
    json.put("cacheUnknownBecause", t.unknownBecause().orElse(null));
    json.put("layers", t.rows().stream().map(LayersJson::layer).toList());
    return json;
  }

  private static Map<String, Object> layer(LayerRow row) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("index", row.layer().index());
    json.put("instruction", row.layer().instruction().map(h -> h.instruction()).orElse(null));
    json.put("createdBy", row.layer().instruction().map(h -> h.createdBy()).orElse(null));
    json.put("digest", row.layer().blob().digest());
    json.put("mediaType", row.layer().blob().mediaType());
    json.put("compressedBytes", row.layer().blob().compressedBytes());
    json.put("uncompressedBytes", row.layer().blob().uncompressedBytes());
    json.put("cache", row.cache().label());
    return json;
  }
}
