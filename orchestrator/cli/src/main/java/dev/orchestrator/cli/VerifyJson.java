package dev.orchestrator.cli;

import dev.orchestrator.core.verify.CheckResult;
import dev.orchestrator.core.verify.VerifyReport;
import dev.orchestrator.core.verify.VerifyRow;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code verify --json}: an array of {service, platform, image, passed, checks: [{name, status,
 * detail, output?}], result, run, secondsToHealthy, secondsToHealthyReadOnly}; a stable contract
 * (fields may be added, never renamed). Times are null when the container did not become healthy.
 * {@code passed} is true only for a row that was run and failed nothing; {@code result} is {@code
 * passed}, {@code failed} or {@code not-run}, and {@code run} says why not: {@code ran}, {@code
 * base} or {@code not-runnable}. {@code output}, a failed container's last lines, is there only
 * when it printed something.
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
    json.put("passed", r.result() == VerifyRow.Result.PASSED);
    json.put("checks", r.checks().stream().map(VerifyJson::check).toList());
    json.put("result", r.result().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    json.put("run", r.run().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    json.put("secondsToHealthy", seconds(r.toHealthy()));
    json.put("secondsToHealthyReadOnly", seconds(r.toHealthyReadOnly()));
    return json;
  }

  private static Map<String, Object> check(CheckResult c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", c.name());
    json.put("status", c.status().label());
    json.put("detail", c.detail());
    if (!c.output().isEmpty()) {
      json.put("output", c.output());
    }
    return json;
  }

  private static Optional<Double> seconds(Optional<Duration> d) {
    return d.map(x -> x.toMillis() / 1000.0);
  }
}
