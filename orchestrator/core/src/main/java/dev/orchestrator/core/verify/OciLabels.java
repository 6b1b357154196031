package dev.orchestrator.core.verify;

import java.util.Map;
import java.util.TreeMap;

/** The image's {@code org.opencontainers.image.*} labels; {@code title} is required. */
final class OciLabels {
  static final String PREFIX = "org.opencontainers.image.";
  static final String TITLE = PREFIX + "title";

  private OciLabels() {}

  static CheckResult check(Map<String, String> labels) {
    Map<String, String> oci = new TreeMap<>();
    labels.forEach(
        (k, v) -> {
          if (k.startsWith(PREFIX)) {
            oci.put(k.substring(PREFIX.length()), v);
          }
        });
    String title = labels.get(TITLE);
    if (title == null || title.isBlank()) {
      return CheckResult.fail(
          Check.LABELS,
          oci.isEmpty()
              ? "no " + PREFIX + "* labels"
              : "no " + TITLE + " (has " + String.join(", ", oci.keySet()) + ")");
    }
    return CheckResult.pass(
        Check.LABELS, "title " + title + "; " + String.join(", ", oci.keySet()));
  }
}
