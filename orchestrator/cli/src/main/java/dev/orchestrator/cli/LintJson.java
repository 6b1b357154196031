package dev.orchestrator.cli;

import dev.orchestrator.core.lint.Finding;
import dev.orchestrator.core.lint.LintReport;
import dev.orchestrator.core.lint.Rule;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lint --format json}: {services, errors, warnings, ignored, findings: [{service, rule,
 * severity, file, line, message, fix}], ignoredFindings: [...]}; and {@code --format sarif}: a
 * SARIF 2.1.0 log with one run, every rule in {@code tool.driver.rules}, and one result per finding
 * located by its file relative to the repository root and its line, which GitHub code scanning
 * reads ({@code github/codeql-action/upload-sarif}).
 */
final class LintJson {
  static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private LintJson() {}

  static Map<String, Object> of(LintReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("services", report.services());
    json.put("errors", report.errors().size());
    json.put("warnings", report.warnings().size());
    json.put("ignored", report.ignored().size());
    json.put("findings", report.findings().stream().map(LintJson::finding).toList());
    json.put("ignoredFindings", report.ignored().stream().map(LintJson::finding).toList());
    return json;
  }

  private static Map<String, Object> finding(Finding f) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("service", f.service());
    json.put("rule", f.rule().id());
    json.put("severity", f.severity().word());
    json.put("file", f.uri());
    json.put("line", f.line());
    json.put("message", f.message());
    json.put("fix", f.rule().fix());
    return json;
  }

  static Map<String, Object> sarif(LintReport report) {
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "orchestrator lint");
    driver.put("version", CliFactory.VERSION);
    driver.put("rules", Arrays.stream(Rule.values()).map(LintJson::rule).toList());
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("results", report.findings().stream().map(LintJson::result).toList());
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", SARIF_SCHEMA);
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    return log;
  }

  private static Map<String, Object> rule(Rule rule) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", rule.id());
    json.put("shortDescription", Map.of("text", rule.description()));
    json.put("help", Map.of("text", "Fix: " + rule.fix()));
    json.put("defaultConfiguration", Map.of("level", rule.severity().word()));
    return json;
  }

  private static Map<String, Object> result(Finding f) {
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("artifactLocation", Map.of("uri", f.uri()));
    location.put("region", Map.of("startLine", Math.max(1, f.line())));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ruleId", f.rule().id());
    json.put("ruleIndex", f.rule().ordinal());
    json.put("level", f.severity().word());
    json.put(
        "message", Map.of("text", f.service() + ": " + f.message() + ". Fix: " + f.rule().fix()));
    json.put("locations", List.of(Map.of("physicalLocation", location)));
    return json;
  }
}
