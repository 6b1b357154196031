package dev.orchestrator.cli;

import dev.orchestrator.core.verify.CheckResult;
import dev.orchestrator.core.verify.VerifyReport;
import dev.orchestrator.core.verify.VerifyRow;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code verify --json}: an array of {service, platform, image, passed, checks: [{name, status,
 * detail}], secondsToHealthy, secondsToHealthyReadOnly}; a stable contract (fields may be added,
 * never renamed). Times are null when the container did not become healthy.
 */
final class VerifyJson {
  private VerifyJson() {}

  static List<Map<String, Object>> of(VerifyReport report) {
    return report.rows().stream().map(VerifyJson::row).toList();
  }

  private static Map<String, Object> row(VerifyRow r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("service", r.service());
    json.put("platform", r.platform());
    json.put("image", r.image());
    json.put("passed", r.passed());
    json.put("checks", r.checks().stream().map(VerifyJson::check).toList());
    json.put("secondsToHealthy", seconds(r.toHealthy()));
    json.put("secondsToHealthyReadOnly", seconds(r.toHealthyReadOnly()));
    return json;
  }

  private static Map<String, Object> check(CheckResult c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", c.name());
    json.put("status", c.status().label());
    json.put("detail", c.detail());
    return json;
  }

  private static Optional<Double> seconds(Optional<Duration> d) {
    return d.map(x -> x.toMillis() / 1000.0);
  }
}
