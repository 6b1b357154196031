package dev.orchestrator.cli;

import dev.orchestrator.core.result.BuildReport;
import dev.orchestrator.core.result.PlatformResult;
import dev.orchestrator.core.result.ServiceResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code build --json}: a stable contract for CI scripts (fields may be added, never renamed). */
final class ReportJson {
  private ReportJson() {}

  static Map<String, Object> of(BuildReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("success", !report.anyFailed() && !report.anyOverBudget());
    json.put("durationMs", report.duration().toMillis());
    json.put("services", report.services().stream().map(ReportJson::service).toList());
    return json;
  }

  private static Map<String, Object> service(ServiceResult s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", s.name());
    json.put("image", s.image());
    json.put("status", s.status().label());
    json.put("durationMs", s.duration().toMillis());
    json.put("message", s.message());
    json.put("platforms", s.platforms().stream().map(ReportJson::platform).toList());
    return json;
  }

  private static Map<String, Object> platform(PlatformResult p) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("platform", p.platform());
    json.put("status", p.status().label());
    json.put("durationMs", p.duration().toMillis());
    json.put("image", p.image());
    json.put("sizeBytes", p.sizes().map(z -> z.uncompressedBytes()));
    json.put("compressedSizeBytes", p.sizes().map(z -> z.compressedBytes()));
    json.put("budgetBytes", p.budgetBytes());
    json.put("compressedBudgetBytes", p.compressedBudgetBytes());
    json.put("cachedSteps", p.cachedSteps());
    json.put("totalSteps", p.totalSteps());
    json.put("overBudget", p.overBudget());
    json.put("budgetViolations", p.budgetViolations());
    json.put("digest", p.digest());
    return json;
  }
}
