package dev.orchestrator.core.verify;

import java.util.Map;
import java.util.TreeMap;

/**
 * The image's own {@code org.opencontainers.image.*} labels; {@code title} is required. A label the
 * image only inherits from its base (same key, same value) does not count: a service whose
 * Dockerfile sets none would otherwise pass on its base's title.
 */
final class OciLabels {
  static final String PREFIX = "org.opencontainers.image.";
  static final String TITLE = PREFIX + "title";

  private OciLabels() {}

  static CheckResult check(Map<String, String> labels) {
    return check(labels, Map.of());
  }

  /**
   * @param inherited label keys the base image carries with the same value, to the base's reference
   */
  static CheckResult check(Map<String, String> labels, Map<String, String> inherited) {
    Map<String, String> own = new TreeMap<>();
    labels.forEach(
        (k, v) -> {
          if (k.startsWith(PREFIX) && !inherited.containsKey(k)) {
            own.put(k.substring(PREFIX.length()), v);
          }
        });
    String title = own.get(TITLE.substring(PREFIX.length()));
    if (title == null || title.isBlank()) {
      // "of its own" only where something was inherited: otherwise there is nothing to tell apart.
      String ofItsOwn = inherited.isEmpty() ? "" : " of its own";
      String from =
          inherited.containsKey(TITLE)
              ? "; its title " + labels.get(TITLE) + " is inherited from " + inherited.get(TITLE)
              : "";
      return CheckResult.fail(
          Check.LABELS,
          (own.isEmpty()
                  ? "no " + PREFIX + "* labels" + ofItsOwn
                  : "no " + TITLE + ofItsOwn + " (has " + String.join(", ", own.keySet()) + ")")
              + from);
    }
    return CheckResult.pass(
        Check.LABELS, "title " + title + "; " + String.join(", ", own.keySet()));
  }
}
