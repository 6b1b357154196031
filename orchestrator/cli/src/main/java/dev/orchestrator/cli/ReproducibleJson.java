package dev.orchestrator.cli;

import dev.orchestrator.core.reproduce.Difference;
import dev.orchestrator.core.reproduce.FileDifference;
import dev.orchestrator.core.reproduce.ReproducibleCheck;
import dev.orchestrator.core.reproduce.ReproducibleReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code verify --reproducible --json}: an array of {service, platform, result (reproducible,
 * different, not-run), firstDigest, secondDigest, rewriteTimestamp, detail, difference?: {layer,
 * layers, firstLayerDigest, secondLayerDigest, instruction, files: [{path, differs: [content, mode,
 * owner, mtime, presence], detail}], configKeys}}; fields may be added, never renamed.
 */
final class ReproducibleJson {
  private ReproducibleJson() {}

  static List<Map<String, Object>> of(ReproducibleReport report) {
    return report.checks().stream().map(ReproducibleJson::check).toList();
  }

  private static Map<String, Object> check(ReproducibleCheck c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("service", c.service());
    json.put("platform", c.platform());
    json.put("result", c.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    json.put("firstDigest", c.firstDigest().orElse(null));
    json.put("secondDigest", c.secondDigest().orElse(null));
    json.put("rewriteTimestamp", c.rewriteTimestamp());
    json.put("detail", c.detail());
    c.difference().ifPresent(d -> json.put("difference", difference(d)));
    return json;
  }

  private static Map<String, Object> difference(Difference d) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("layer", d.layer().orElse(null));
    json.put("layers", d.layers());
    json.put("firstLayerDigest", d.firstLayerDigest().orElse(null));
    json.put("secondLayerDigest", d.secondLayerDigest().orElse(null));
    json.put("instruction", d.instruction());
    json.put("files", d.files().stream().map(ReproducibleJson::file).toList());
    json.put("configKeys", d.configKeys());
    return json;
  }

  private static Map<String, Object> file(FileDifference f) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("path", "/" + f.path());
    json.put("differs", f.aspects().stream().map(a -> a.label()).toList());
    json.put("detail", f.detail());
    return json;
  }
}
